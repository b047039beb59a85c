// A part: one instance per part, a square around it big enough for its glow and its trust ring.
#version 330 core

layout(location = 0) in vec4 a_pos_radius_kind;   // world x, y; radius; kind (0 manager, 1 firefighter, 2 exile)
layout(location = 1) in vec4 a_color_alpha;       // rgb 0..1; alpha (deeper parts are fainter)
layout(location = 2) in vec4 a_trust_mark_phase;  // trust 0..1; mark (0 none, 1 hovered, 2 selected); float phase; pulse 0..1
layout(location = 3) in vec4 a_portrait;          // layer in the portrait atlas, -1 for none; yzw spare

uniform mat4 u_view_proj;
uniform float u_time;
uniform float u_float_amount;  // how far parts drift up and down, world units (0 for still scenes)

out vec2 v_local;      // in units of the part's radius
flat out float v_kind;
out vec4 v_color;
flat out float v_trust;
flat out float v_mark;
out float v_pulse;     // 0..1 now: how much brighter the glow is at this moment of the pulse
flat out float v_portrait;

const float extent = 1.6;  // the square reaches this many radii from the centre: just past the trust ring

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
    float radius = a_pos_radius_kind.z;
    vec2 centre = a_pos_radius_kind.xy;
    centre.y += u_float_amount * sin(u_time * 0.55 + a_trust_mark_phase.z);
    v_local = corner * extent;
    v_kind = a_pos_radius_kind.w;
    v_color = a_color_alpha;
    v_trust = a_trust_mark_phase.x;
    v_mark = a_trust_mark_phase.y;
    v_portrait = a_portrait.x;
    // A slow swell, about five seconds a breath: calm, and far from any flashing rate.
    v_pulse = a_trust_mark_phase.w * (0.5 + 0.5 * sin(u_time * 1.2 + a_trust_mark_phase.z));
    gl_Position = u_view_proj * vec4(centre + corner * extent * radius, 0.0, 1.0);
}
