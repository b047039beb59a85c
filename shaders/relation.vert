// A relationship line: one instance per pair, a strip from one part's edge to the other's.
#version 330 core

layout(location = 0) in vec4 a_from_to;           // world: from.xy, to.xy
layout(location = 1) in vec4 a_radii_kind_mark;   // from radius, to radius, kind (0 protects, 1 polarized, 2 allied), mark

uniform mat4 u_view_proj;
uniform float u_half_width;  // world units

out vec2 v_along_across;  // distance along the line from its start; distance across it (world units)
flat out float v_length;
flat out vec3 v_color;
flat out vec4 v_shape;    // see relation.frag
flat out vec2 v_kinds;
flat out float v_mark;

void main() {
    vec2 a = a_from_to.xy;
    vec2 b = a_from_to.zw;
    vec2 dir = b - a;
    float full = max(length(dir), 1e-5);
    dir /= full;
    vec2 normal = vec2(-dir.y, dir.x);
    // Start and end a little outside each form, so lines meet parts without crossing them.
    float start = a_radii_kind_mark.x * 1.55;
    float end = max(full - a_radii_kind_mark.y * 1.55, start);
    float along = (gl_VertexID & 1) == 0 ? start : end;
    float across = ((gl_VertexID >> 1) & 1) == 0 ? -u_half_width : u_half_width;
    v_along_across = vec2(along - start, across);
    v_length = end - start;
    float kind = a_radii_kind_mark.z;
    float w = u_half_width;
    if (kind < 0.5) {          // protects
        v_color = vec3(1.0, 0.90, 0.72);
        v_shape = vec4(w * 0.16, 0.8, 0.8, 0.0);
        v_kinds = vec2(0.0, 0.0);
    } else if (kind < 1.5) {   // polarized
        v_color = vec3(0.98, 0.50, 0.42);
        v_shape = vec4(w * 0.13, 0.85, 0.0, 0.0);
        v_kinds = vec2(1.0, 0.0);
    } else {                   // allied
        v_color = vec3(0.55, 0.88, 0.72);
        v_shape = vec4(w * 0.35, 0.45, 0.0, 0.08);
        v_kinds = vec2(0.0, 1.0);
    }
    v_mark = a_radii_kind_mark.w;
    gl_Position = u_view_proj * vec4(a + dir * along + normal * across, 0.0, 1.0);
}
