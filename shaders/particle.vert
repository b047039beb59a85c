// Motes of light: each is one point, sized in world units so they scale with the view.
#version 330 core

layout(location = 0) in vec2 a_position;   // world
layout(location = 1) in vec2 a_size_light; // relative size, brightness 0..1

uniform mat4 u_view_proj;
uniform float u_pixels_per_unit;

out float v_light;

void main() {
    gl_Position = u_view_proj * vec4(a_position, 0.0, 1.0);
    gl_PointSize = clamp(a_size_light.x * 0.022 * u_pixels_per_unit, 1.5, 48.0);
    v_light = a_size_light.y;
}
