// The living background: a deep, slow-moving night with soft clouds of colour and the Self's warm light.
#version 330 core

uniform vec2 u_resolution;   // pixels
uniform vec2 u_center;       // world point at the screen's middle
uniform vec2 u_half_extent;  // world half-size on screen
uniform float u_time;        // scene seconds
uniform float u_glow;        // the Self's light, 0..1
uniform vec3 u_night;        // the deep night at the top (render::scene_clear_rgb, its one home)

out vec4 frag_color;

float hash(vec2 p) {
    vec3 q = fract(vec3(p.xyx) * 0.1031);
    q += dot(q, q.yzx + 33.33);
    return fract((q.x + q.y) * q.z);
}

// Interleaved gradient noise: a dither with no visible pattern.
float dither(vec2 pixel) {
    return fract(52.9829189 * fract(dot(pixel, vec2(0.06711056, 0.00583715))));
}

// A pseudo-random direction per lattice cell, without trigonometry (cheap on a software renderer).
vec2 gradient(vec2 cell) {
    vec3 q = fract(vec3(cell.xyx) * vec3(0.1031, 0.1030, 0.0973));
    q += dot(q, q.yzx + 33.33);
    return fract((q.xx + q.yz) * q.zy) * 2.0 - 1.0;
}

// Gradient noise with a quintic fade: soft, round shapes with no square cells showing.
float gradient_noise(vec2 p) {
    vec2 i = floor(p);
    vec2 f = fract(p);
    vec2 u = f * f * f * (f * (f * 6.0 - 15.0) + 10.0);
    float a = dot(gradient(i), f);
    float b = dot(gradient(i + vec2(1.0, 0.0)), f - vec2(1.0, 0.0));
    float c = dot(gradient(i + vec2(0.0, 1.0)), f - vec2(0.0, 1.0));
    float d = dot(gradient(i + vec2(1.0, 1.0)), f - vec2(1.0, 1.0));
    return 0.5 + mix(mix(a, b, u.x), mix(c, d, u.x), u.y);  // about 0..1
}

// Three octaves, each turned against the last: enough softness, and cheap on a software renderer.
float fbm(vec2 p) {
    const mat2 turn = mat2(1.6, 1.2, -1.2, 1.6);
    float sum = 0.0;
    float amp = 0.55;
    p = turn * p * 0.5;
    for (int i = 0; i < 3; ++i) {
        sum += amp * gradient_noise(p);
        p = turn * p + vec2(17.1, 9.7);
        amp *= 0.5;
    }
    return sum;
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec2 world = u_center + (uv * 2.0 - 1.0) * u_half_extent;
    // The clouds sit far behind the map: they move less than the world when the view pans.
    vec2 far = world - u_center * 0.65;

    vec3 dusk = vec3(0.085, 0.055, 0.125);
    vec3 color = mix(dusk, u_night, smoothstep(0.0, 1.0, uv.y));

    float t = u_time;
    float clouds = fbm(far * 1.1 + vec2(t * 0.018, -t * 0.011));
    float veils = fbm(far * 1.9 - vec2(t * 0.009, t * 0.014) + clouds);
    color += vec3(0.030, 0.105, 0.120) * smoothstep(0.35, 0.85, clouds);
    color += vec3(0.095, 0.050, 0.140) * smoothstep(0.40, 0.90, veils);

    // The Self lights the space around it, warm and wide.
    float d = length(world);
    color += vec3(0.200, 0.120, 0.050) * u_glow * exp(-d * 1.7);

    // A gentle vignette keeps the eye at the centre.
    vec2 v = uv - 0.5;
    color *= 1.0 - 0.55 * dot(v, v);

    // A whisper of noise hides 8-bit banding in the dark gradients.
    color += (dither(gl_FragCoord.xy) - 0.5) / 255.0;
    frag_color = vec4(color, 1.0);
}
