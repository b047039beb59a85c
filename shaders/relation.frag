// How two parts relate, drawn so kinds differ by form as well as colour:
// protects: a steady line with an arrow to the part it guards; polarized: a tense zig-zag;
// allied: a calm, soft dotted band.
#version 330 core

uniform float u_time;
uniform float u_half_width;

in vec2 v_along_across;
flat in float v_length;
flat in float v_kind;
flat in float v_mark;

out vec4 frag_color;

float line(float distance, float half_thickness) {
    float aa = fwidth(distance) * 1.2;
    return smoothstep(half_thickness + aa, half_thickness - aa, abs(distance));
}

void main() {
    float s = v_along_across.x;
    float t = v_along_across.y;
    float w = u_half_width;
    vec3 color;
    float a;

    if (v_kind < 0.5) {
        // Protects: a line and an arrowhead at the guarded part's end.
        color = vec3(1.0, 0.90, 0.72);
        float head = w * 3.2;
        float to_end = v_length - s;
        float arrow = to_end < head ? line(t, (to_end / head) * w * 0.95) : 0.0;
        a = max(line(t, w * 0.16), arrow) * 0.8;
    } else if (v_kind < 1.5) {
        // Polarized: pulling both ways, a jagged line that trembles slowly.
        color = vec3(0.98, 0.50, 0.42);
        float zig = (abs(fract(s / (w * 2.2) + u_time * 0.08) - 0.5) * 4.0 - 1.0) * w * 0.55;
        a = line(t - zig, w * 0.13) * 0.85;
    } else {
        // Allied: side by side, a soft wide band of gentle dots.
        color = vec3(0.55, 0.88, 0.72);
        float dots = 0.55 + 0.45 * cos(s / (w * 0.9) * 3.14159);
        a = line(t, w * 0.35) * 0.45 * dots + line(t, w * 0.8) * 0.08;
    }
    if (v_mark > 0.5) a = min(a * 1.6, 1.0);
    frag_color = vec4(color * a, a);
}
