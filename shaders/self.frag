// The Self: a warm, steady light with a soft halo that shimmers slowly. Never flashes.
#version 330 core

uniform float u_glow;  // 0..1
uniform float u_radius; // world units the square spans from its centre
uniform vec4 u_turns;   // cos and sin of the shimmer's two slow turns (time * 0.45, time * 0.3), set once a frame

in vec2 v_local;
out vec4 frag_color;

void main() {
    // Shapes are designed in units where the light fades out at 1.1 world units; the square is
    // kept smaller than that, since every pixel it covers is shaded.
    float r = length(v_local) * u_radius / 1.1;

    // A slow shimmer in the halo, several seconds a turn: sin(5a + t1) * sin(3a - t2) around the
    // centre, from the direction's cosine and sine by multiple-angle identities (no atan or sin per
    // pixel: a software renderer pays for each, over the whole halo).
    vec2 n = v_local / max(length(v_local), 1e-4);
    float c = n.x, s = n.y;
    float c2 = c * c, s2 = s * s;
    float sin5 = s * (16.0 * s2 * s2 - 20.0 * s2 + 5.0);
    float cos5 = c * (16.0 * c2 * c2 - 20.0 * c2 + 5.0);
    float sin3 = s * (3.0 - 4.0 * s2);
    float cos3 = c * (4.0 * c2 - 3.0);
    float wave5 = sin5 * u_turns.x + cos5 * u_turns.y;  // sin(5a + t1)
    float wave3 = sin3 * u_turns.z - cos3 * u_turns.w;  // sin(3a - t2)
    float shimmer = 0.5 + 0.5 * wave5 * wave3;

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
