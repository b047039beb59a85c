// How two parts relate, drawn so kinds differ by form as well as colour:
// protects: a steady line with an arrow to the part it guards; polarized: a tense zig-zag;
// allied: a calm, soft dotted band.
#version 330 core

uniform float u_time;
uniform float u_half_width;

in vec2 v_along_across;
flat in float v_length;
flat in vec3 v_color;
flat in vec4 v_shape;   // the main line's half thickness; its strength; the arrow's strength; the band's
flat in vec2 v_kinds;   // 1 for polarized (zig-zag); 1 for allied (dots)
flat in float v_mark;

out vec4 frag_color;

float line(float distance, float half_thickness) {
    float aa = fwidth(distance) * 1.2;
    return smoothstep(half_thickness + aa, half_thickness - aa, abs(distance));
}

// The three kinds share one path, told apart by what the vertex shader passes flat (a software
// renderer would run all three paths of a branch on every pixel of every line):
// protects: max(line, arrow) * 0.8; polarized: zig-zag line * 0.85; allied: dotted line * 0.45 plus a
// faint wide band * 0.08.
void main() {
    float s = v_along_across.x;
    float t = v_along_across.y;
    float w = u_half_width;

    // Polarized: pulling both ways, a jagged line that trembles slowly.
    float zig = (abs(fract(s / (w * 2.2) + u_time * 0.08) - 0.5) * 4.0 - 1.0) * w * 0.55;
    float main_line = line(t - zig * v_kinds.x, v_shape.x);
    // Allied: side by side, gentle dots.
    float dots = mix(1.0, 0.55 + 0.45 * cos(s / (w * 0.9) * 3.14159), v_kinds.y);
    // Protects: an arrowhead at the guarded part's end, narrowing to its point; allied: a wide band.
    float head = w * 3.2;
    float to_end = v_length - s;
    float arrow = line(t, (to_end / head) * w * 0.95) * step(to_end, head);
    float band = line(t, w * 0.8);
    float a = max(main_line * v_shape.y * dots, arrow * v_shape.z) + band * v_shape.w;
    if (v_mark > 0.5) a = min(a * 1.6, 1.0);
    frag_color = vec4(v_color * a, a);
}
