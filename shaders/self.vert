// A square around the Self, big enough for its halo; the fragment shader draws the light.
#version 330 core

uniform mat4 u_view_proj;
uniform vec2 u_center;
uniform float u_radius;

out vec2 v_local;  // -1..1 across the square

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
    v_local = corner;
    gl_Position = u_view_proj * vec4(u_center + corner * u_radius, 0.0, 1.0);
}
