// The Self: a warm, steady light with a soft halo that shimmers slowly. Never flashes.
#version 330 core

uniform float u_time;  // scene seconds
uniform float u_glow;  // 0..1
uniform float u_radius; // world units the square spans from its centre

in vec2 v_local;
out vec4 frag_color;

void main() {
    // Shapes are designed in units where the light fades out at 1.1 world units; the square is
    // kept smaller than that, since every pixel it covers is shaded.
    float r = length(v_local) * u_radius / 1.1;
    float angle = atan(v_local.y, v_local.x);

    // A slow shimmer in the halo, several seconds a turn.
    float shimmer = 0.5 + 0.5 * sin(angle * 5.0 + u_time * 0.45) * sin(angle * 3.0 - u_time * 0.3);

    float glow = mix(0.45, 1.0, clamp(u_glow, 0.0, 1.0));
    float heart = exp(-r * r * 90.0);                             // the brightest point, small
    float orb = smoothstep(0.19, 0.12, r);                        // the round form, soft-edged
    float body = orb * (1.0 - 0.45 * smoothstep(0.0, 0.19, r));   // brighter inside
    float halo = exp(-r * 6.0) * (0.8 + 0.2 * shimmer);           // light spilling into the space
    float fade = smoothstep(1.0, 0.55, length(v_local));          // nothing at the square's edge

    // Light is summed, then tone-mapped per channel, so the heart stays warm instead of clipping to white.
    float light = (heart * 1.6 + body * 1.3 + halo * 0.9) * 0.7 * glow;
    vec3 tint = mix(vec3(1.00, 0.62, 0.30), vec3(1.00, 0.80, 0.55), heart);  // amber rim, gold-cream heart
    vec3 color = (1.0 - exp(-tint * light)) * fade;
    // Only the orb covers what is behind it; the halo adds light without darkening the space.
    float alpha = clamp(body * 0.85, 0.0, 1.0) * fade * glow;
    frag_color = vec4(color, alpha);
}
