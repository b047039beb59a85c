// A part's soft glowing form. Each kind has its own shape, so kinds differ without colour:
// Managers a steady rounded square, Firefighters a pointed diamond, Exiles a small round circle.
// A part wearing a portrait shows it inside its form, with the kind's colour kept as a rim.
#version 330 core

in vec2 v_local;
flat in float v_kind;
flat in vec4 v_color;
flat in vec3 v_rim_color;
flat in vec3 v_heart_color;
flat in vec2 v_glow;                  // fall-off per radius; strength
flat in vec3 v_trust_edge;            // where the trust arc ends (direction from the centre); 1 if past half
flat in float v_mark;
flat in float v_portrait;             // layer in u_portraits, -1 for none
flat in float v_detail;               // glow and trust ring, 0..1 (level of detail)
#ifdef PORTRAITS
uniform sampler2DArray u_portraits;   // premultiplied RGBA, row 0 = the picture's top
#endif

out vec4 frag_color;

// Whether the point p lies on the trust arc, which starts at the top and runs clockwise to
// v_trust_edge: compared by the sides of two lines through the centre, with no angle worked out (an
// atan on every pixel of every part costs a software renderer dearly, where only the ring needs it).
float on_arc(vec2 p) {
    float right = step(0.0, p.x);                                                   // the first half turn
    float before_edge = step(0.0, v_trust_edge.x * p.y - v_trust_edge.y * p.x);  // not past the edge
    return mix(right * before_edge, max(right, before_edge), v_trust_edge.z);
}

float sd_round_box(vec2 p, vec2 half_size, float r) {
    vec2 q = abs(p) - half_size + r;
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r;
}

// All three shapes are cheap; the kind picks one without a branch (a software renderer runs every
// side of a branch anyway).
float sd_shape(vec2 p, float kind) {
    float manager = sd_round_box(p, vec2(0.86), 0.3);
    float firefighter = (abs(p.x) * 0.9 + abs(p.y)) * 0.7071 - 0.78;
    float exile = length(p) - 0.92;
    return kind < 0.5 ? manager : (kind < 1.5 ? firefighter : exile);
}

void main() {
    vec2 p = v_local;
    float d = sd_shape(p, v_kind);
    float aa = fwidth(d) * 1.2;

    float body = smoothstep(aa, -aa, d);
    float inner = clamp(-d / 0.9, 0.0, 1.0);                 // 0 at the rim, 1 deep inside
    float edge = smoothstep(1.6, 1.3, length(p));          // nothing at the square's edge
    float glow = exp(-max(d, 0.0) * v_glow.x) * v_glow.y * (1.0 - body) * edge * v_detail;

    vec3 form = mix(v_rim_color, v_heart_color, smoothstep(0.0, 0.9, inner));
    // Only the form covers what is behind it; glow and ring add light without darkening the space.
    float alpha = body * 0.92;
    float worn = 0.0;  // 1 where a portrait shows
#ifdef PORTRAITS
    if (v_portrait >= 0.0) {
        // The picture's square spans the shape's body (a little cropped at the diamond's points),
        // and shows from just inside a rim of the kind's colour, opaque so the drawing reads.
        float half_side = v_kind < 0.5 ? 0.86 : (v_kind < 1.5 ? 1.1 : 0.92);
        vec2 uv = vec2(p.x, -p.y) / (2.0 * half_side) + 0.5;
        vec4 picture = textureLod(u_portraits, vec3(uv, v_portrait), 0.0);  // no mips; and fine in a branch
        worn = smoothstep(0.18 - aa, 0.18 + aa, -d);
        form = mix(form, picture.rgb + form * (1.0 - picture.a), worn);
        alpha = body * mix(0.92, 1.0, worn);
    }
#endif
    vec3 color = form * body + v_color.rgb * glow;

    // Trust in the Self: a soft arc around the part, fuller as trust grows, over a faint track.
    float r = length(p);
    float ring = smoothstep(0.09, 0.0, abs(r - 1.45));
    float filled = on_arc(p);
    color += vec3(1.0, 0.86, 0.6) * ring * mix(0.10, 0.75, filled) * v_detail;

    // Hover brightens (the light, not a portrait: a drawing keeps its own colours); selection adds
    // a warm outline.
    if (v_mark > 0.5) color *= mix(1.18, 1.0, worn);
    if (v_mark > 1.5) {
        float outline = smoothstep(0.07, 0.0, abs(d - 0.16));
        color += vec3(1.0, 0.82, 0.45) * outline;
    }

    alpha = clamp(alpha, 0.0, 1.0) * v_color.a;
    frag_color = vec4(color * v_color.a, alpha);  // premultiplied; light beyond the form is additive
}
