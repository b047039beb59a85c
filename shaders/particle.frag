// A soft round mote, brightest at its heart, pale gold.
#version 330 core

in float v_light;
out vec4 frag_color;

void main() {
    float r = length(gl_PointCoord - 0.5) * 2.0;
    float a = smoothstep(1.0, 0.0, r);
    a *= a * v_light * 0.55;
    frag_color = vec4(vec3(1.0, 0.90, 0.72) * a, a * 0.4);
}
