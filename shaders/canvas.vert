// The drawing sheet: one quad over the sheet's rectangle and the margin its shadow falls in.
#version 330 core

uniform vec2 u_viewport;   // the framebuffer's size in pixels
uniform vec2 u_sheet_min;  // the sheet's corners in window pixels, top-left origin
uniform vec2 u_sheet_max;
uniform float u_margin;    // how far the shadow reaches, in pixels

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    vec2 px = mix(u_sheet_min - u_margin, u_sheet_max + u_margin, corner);
    // Window pixels count down from the top; clip space counts up.
    gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
}
