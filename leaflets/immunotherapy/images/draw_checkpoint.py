#!/usr/bin/python3
"""Draws checkpoint.png, the immunotherapy leaflet's picture of an immune checkpoint.

Left panel: a T cell (teal) meets a tumour cell (coral); the tumour's PD-L1 (a ball on a
stalk) sits in the T cell's PD-1 (a cup on a stalk): the brake is on and the T cell stays
pale. Right panel: an anti-PD-1 antibody (a yellow Y) covers PD-1, PD-L1 finds nothing to
hold, and the T cell, bright again, sends granules at the damaged tumour cell.

No words in the picture: it is the same in every language, and the captions in the strings
files say what it shows. Drawn large and scaled down for smooth edges, then reduced to 64
colours, which keeps the PNG and the PDF's copy of it small.
Run from anywhere with Debian's python3-pil: /usr/bin/python3 draw_checkpoint.py
"""
import math
import os

from PIL import Image, ImageDraw

# Drawn in units of a 2000 x 640 canvas, at twice that, then scaled to the output size:
# 1400 x 448 pixels, 378 ppi at 60% of the brochure's 156 mm column.
WIDTH, HEIGHT = 2000, 640
OUTPUT = (1400, 448)
SCALE = 2

WHITE = (255, 255, 255)
PANEL = (243, 248, 248)  # the leaflet's accent_light, a shade lighter
TEAL = (11, 110, 117)  # the leaflet's accent
TEAL_PALE = (170, 205, 207)
TEAL_DARK = (6, 70, 75)
CORAL = (226, 120, 96)
CORAL_DARK = (160, 66, 46)
CORAL_PALE = (244, 196, 182)
YELLOW = (232, 172, 38)
YELLOW_DARK = (150, 104, 10)
INK = (31, 35, 40)  # the leaflet's text colour
GREY = (150, 160, 166)


def s(value):
    return int(round(value * SCALE))


def circle(draw, cx, cy, r, fill, outline=None, width=0):
    draw.ellipse((s(cx - r), s(cy - r), s(cx + r), s(cy + r)), fill=fill, outline=outline, width=s(width))


def line(draw, points, fill, width):
    draw.line([(s(x), s(y)) for x, y in points], fill=fill, width=s(width), joint="curve")
    for x, y in (points[0], points[-1]):
        circle(draw, x, y, width / 2, fill)


def blob(cx, cy, r, bumps, depth, phase):
    """A cell outline that is not quite round: a tumour cell."""
    points = []
    for i in range(180):
        a = 2 * math.pi * i / 180
        radius = r * (1 + depth * math.sin(bumps * a + phase) + 0.5 * depth * math.sin((bumps + 3) * a))
        points.append((s(cx + radius * math.cos(a)), s(cy + radius * math.sin(a))))
    return points


T_RADIUS = 170
TUMOUR_RADIUS = 178
CUP = 34  # PD-1's cup: its radius


def t_cell(draw, cx, cy, active):
    body = TEAL if active else TEAL_PALE
    edge = TEAL_DARK if active else GREY
    circle(draw, cx, cy, T_RADIUS, body, edge, 6)
    circle(draw, cx - 30, cy + 10, 78, WHITE if active else (226, 238, 239), edge, 4)  # nucleus


def tumour_cell(draw, cx, cy, damaged):
    outline = blob(cx, cy, TUMOUR_RADIUS, 5, 0.06, 0.7)
    draw.polygon(outline, fill=CORAL_PALE if damaged else CORAL)
    draw.line(outline + [outline[0]], fill=CORAL_DARK, width=s(6))
    circle(draw, cx + 35, cy - 15, 66, (214, 150, 132) if damaged else CORAL_DARK)
    if damaged:
        # Cracks where the granules struck.
        for points in (((-170, -40), (-125, -25), (-100, -55)), ((-168, 45), (-120, 38), (-90, 70)),
                       ((-110, -130), (-75, -95), (-35, -105))):
            line(draw, [(cx + x, cy + y) for x, y in points], CORAL_DARK, 6)


def pd1(draw, x, y):
    """PD-1 on the T cell's membrane at x: a stalk ending in a cup open to the right."""
    line(draw, [(x - 40, y), (x + 55, y)], TEAL_DARK, 14)
    draw.arc((s(x + 55), s(y - CUP), s(x + 55 + 2 * CUP), s(y + CUP)), 90, 270, fill=TEAL_DARK, width=s(14))


def pd_l1(draw, x, y, tip):
    """PD-L1 on the tumour's membrane at x: a stalk to the left ending in a ball at `tip`."""
    line(draw, [(x + 40, y), (tip, y)], CORAL_DARK, 14)
    circle(draw, tip, y, 22, CORAL_DARK)


def antibody(draw, tip, side):
    """An anti-PD-1 antibody: a Y, one arm's tip in PD-1's cup at `tip`, the stem pointing
    away from the middle (side -1 up, +1 down)."""
    hinge = (tip[0] - 5, tip[1] + side * 62)
    toward = math.atan2(tip[1] - hinge[1], tip[0] - hinge[0])
    arm = 70
    # The free arm leans towards the T cell, the stem away from both cells.
    ends = [tip, (hinge[0] + arm * math.cos(toward - side * 1.05), hinge[1] + arm * math.sin(toward - side * 1.05))]
    stem = (hinge[0] - 95 * math.cos(toward - side * 0.52), hinge[1] - 95 * math.sin(toward - side * 0.52))
    for colour, width in ((YELLOW_DARK, 30), (YELLOW, 18)):
        for end in ends + [stem]:
            line(draw, [hinge, end], colour, width)


def granules(draw, x0, x1, y):
    for i, dy in enumerate((-18, 22, -10, 16)):
        circle(draw, x0 + (x1 - x0) * (0.18 + 0.22 * i), y + dy, 15, TEAL, TEAL_DARK, 4)


def panel(draw, left, released):
    draw.rounded_rectangle((s(left), s(30), s(left + 960), s(HEIGHT - 30)), radius=s(40), fill=PANEL)
    cy = HEIGHT / 2
    t_x, tumour_x = left + 215, left + 760
    offset = 88  # of each receptor pair from the middle
    # Where the membranes are at that height.
    membrane_t = t_x + math.sqrt(T_RADIUS**2 - offset**2)
    membrane_tumour = tumour_x - math.sqrt(TUMOUR_RADIUS**2 - offset**2) + 8
    cup_mouth = membrane_t + 55 + CUP
    # The receptors first: the cells then cover the stalks' inner ends.
    for side in (-1, 1):
        y = cy + side * offset
        pd1(draw, membrane_t, y)
        # Bound, PD-L1's ball sits in the cup; set free, it stays by the tumour.
        pd_l1(draw, membrane_tumour, y, cup_mouth - 4 if not released else membrane_tumour - 34)
    t_cell(draw, t_x, cy, active=released)
    tumour_cell(draw, tumour_x, cy, damaged=released)
    if released:
        for side in (-1, 1):
            antibody(draw, (cup_mouth + 2, cy + side * offset), side)
        granules(draw, t_x + T_RADIUS + 10, tumour_x - TUMOUR_RADIUS - 10, cy)


def main():
    image = Image.new("RGB", (s(WIDTH), s(HEIGHT)), WHITE)
    draw = ImageDraw.Draw(image)
    panel(draw, 20, released=False)
    panel(draw, 1020, released=True)
    image = image.resize(OUTPUT, Image.LANCZOS)
    # Fewer colours keep the file (and the PDF's Flate stream) small; edges stay smooth.
    image = image.quantize(colors=64, method=Image.MEDIANCUT, dither=Image.NONE).convert("RGB")
    here = os.path.dirname(os.path.abspath(__file__))
    image.save(os.path.join(here, "checkpoint.png"), optimize=True)


if __name__ == "__main__":
    main()
