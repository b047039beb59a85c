// A part: one instance per part, a square around it big enough for its glow and its trust ring.
#version 330 core

layout(location = 0) in vec4 a_pos_radius_kind;   // world x, y; radius; kind (0 manager, 1 firefighter, 2 exile)
layout(location = 1) in vec4 a_color_alpha;       // rgb 0..1; alpha (deeper parts are fainter)
layout(location = 2) in vec4 a_trust_mark_phase;  // trust 0..1; mark (0 none, 1 hovered, 2 selected); float phase; pulse 0..1
layout(location = 3) in vec4 a_portrait;          // layer in the portrait atlas, -1 for none; yzw spare

uniform mat4 u_view_proj;
uniform float u_time;
uniform float u_float_amount;  // how far parts drift up and down, world units (0 for still scenes)
uniform float u_light;         // 1 normally; follows the breath during a session
uniform float u_px_per_unit;   // screen pixels per world unit: how large the parts are on screen
// Level of detail, as a map shows it: a part a few pixels across (a crowded system seen whole) is
// its form alone; its glow and trust ring fade in as it grows. The radius on screen, in pixels, below
// which there is none, and above which there is all (render::detail_radius_px).
uniform vec2 u_detail_px;

// What is the same over a whole part is worked out here, once per vertex, and passed flat: a
// software renderer would otherwise interpolate it, or work it out again, for every pixel.
out vec2 v_local;             // in units of the part's radius
flat out float v_kind;
flat out vec4 v_color;
flat out vec3 v_rim_color;    // the form's colour at its edge...
flat out vec3 v_heart_color;  // ...and deep inside
flat out vec2 v_glow;         // the glow's fall-off per radius, and its strength (both follow the pulse)
flat out vec3 v_trust_edge;   // where the trust arc ends: direction (x, y) from the top, clockwise; 1 if past half
flat out float v_mark;
flat out float v_portrait;
flat out float v_detail;      // 1: glow and trust ring; fading to 0 as a part shrinks to a few pixels

// The square reaches this many radii from the centre: just past the trust ring. Two triangles, not a
// tighter polygon: llvmpipe shades every 4x4 block a triangle touches once per triangle, so the
// blocks along each inner edge of an octagon cost more than its cut corners save (measured).
const float extent = 1.6;
// With no glow or ring, the square need only hold the form (the diamond reaches 1.1 radii).
const float form_extent = 1.15;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
    float radius = a_pos_radius_kind.z;
    vec2 centre = a_pos_radius_kind.xy;
    centre.y += u_float_amount * sin(u_time * 0.55 + a_trust_mark_phase.z);
    v_detail = smoothstep(u_detail_px.x, u_detail_px.y, radius * u_px_per_unit);
    // Detail gone: the square shrinks to the form, half the pixels. It is never cut while any shows.
    float reach = mix(form_extent, extent, step(0.001, v_detail));
    v_local = corner * reach;
    v_kind = a_pos_radius_kind.w;
    v_color = a_color_alpha;
    v_rim_color = a_color_alpha.rgb * 0.85;
    v_heart_color = mix(a_color_alpha.rgb, vec3(1.0), 0.45);
    float trust_angle = a_trust_mark_phase.x * 6.2831853;
    v_trust_edge = vec3(sin(trust_angle), cos(trust_angle), a_trust_mark_phase.x > 0.5 ? 1.0 : 0.0);
    v_mark = a_trust_mark_phase.y;
    v_portrait = a_portrait.x;
    // A slow swell, about five seconds a breath: calm, and far from any flashing rate.
    float pulse = a_trust_mark_phase.w * (0.5 + 0.5 * sin(u_time * 1.2 + a_trust_mark_phase.z));
    v_glow = vec2(3.2 - 1.2 * pulse, (0.55 + 0.5 * pulse) * u_light);
    gl_Position = u_view_proj * vec4(centre + corner * reach * radius, 0.0, 1.0);
}
