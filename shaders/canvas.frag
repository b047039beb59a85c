// The drawing sheet: ink, the stroke being drawn over it, paper under both, as core/ink.cpp
// composites them (lay_down, then flatten), rounding to 8 bits at the same two steps so that at
// 1:1 the screen shows the very bytes a saved picture will hold. Around the sheet, a soft shadow.
#version 330 core

uniform sampler2D u_ink;       // premultiplied RGBA8, texture row 0 = the picture's top row
uniform sampler2D u_live;      // R8 coverage of the stroke being drawn, same rows
uniform vec2 u_viewport;
uniform vec2 u_sheet_min;
uniform vec2 u_sheet_max;
uniform float u_margin;
uniform vec3 u_paper;          // 0..255
uniform vec4 u_live_src;       // premultiplied 0..255: (rgb, 255), or 0 for the eraser
uniform float u_live_opacity;  // 0..1

out vec4 frag_color;

// One canvas pixel as shown, in 0..255, from its ink and live coverage (each 0..1 as sampled).
vec3 shown(vec4 ink01, float coverage01) {
    vec4 ink = floor(ink01 * 255.0 + 0.5);
    float coverage = floor(coverage01 * 255.0 + 0.5);
    if (coverage > 0.0) {
        float a = coverage / 255.0 * u_live_opacity;
        ink = floor(u_live_src * a + ink * (1.0 - a) + 0.5);
    }
    return min(floor(ink.rgb + u_paper * (1.0 - ink.a / 255.0) + 0.5), vec3(255.0));
}

// Signed distance from p to a rectangle, negative inside.
float sd_rect(vec2 p, vec2 lo, vec2 hi) {
    vec2 q = max(lo - p, p - hi);
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0);
}

void main() {
    // This pixel's centre in window pixels, top-left origin, and where it falls on the canvas.
    // One texture read each for ink and live coverage, the filter chosen by the renderer (nearest
    // from 1:1 up, so each pixel shows its texel exactly; linear below). No branches: a software
    // renderer runs every side of a branch, and this runs for the whole sheet every frame.
    vec2 px = vec2(gl_FragCoord.x, u_viewport.y - gl_FragCoord.y);
    vec2 uv = (px - u_sheet_min) / (u_sheet_max - u_sheet_min);
    vec3 sheet = shown(texture(u_ink, uv), texture(u_live, uv).r);

    // Pixels whose centre is inside are all sheet; a sheet edge between pixels is smoothed.
    float inside = clamp(0.5 - sd_rect(px, u_sheet_min, u_sheet_max), 0.0, 1.0);
    // A shadow falling a little down, fading out over the margin.
    float d = max(sd_rect(px, u_sheet_min + vec2(0.0, 3.0), u_sheet_max + vec2(0.0, 3.0)), 0.0);
    float shadow = 0.3 * (1.0 - smoothstep(0.0, u_margin - 3.0, d));
    float alpha = inside + shadow * (1.0 - inside);
    frag_color = vec4(sheet / 255.0 * inside, alpha);  // premultiplied: the shadow is black
}
