#!/usr/bin/python3
"""Draws the World Cancer Day leaflet's pictures: logo.png and immune-cells.png.

logo.png: the fictional Hôpital des Tilleuls (Linden Hospital): a linden leaf, white on
the leaflet's blue, with a small cross in its heart, beside the hospital's name. The name is
a proper noun, the same in every language; the leaflet's `logo.alt` strings say it aloud.

immune-cells.png: T cells (teal) gathering round a tumour cell (coral); the one that
touches it, freed by an antibody (yellow Y) from the tumour's brake, sends granules into
it. No words: the captions in the strings files say what it shows.

Drawn at twice the size and scaled down for smooth edges, then reduced to 64 colours,
which keeps the PNGs and the PDFs' copies small.
Run from anywhere with Debian's python3-pil: /usr/bin/python3 draw_images.py
"""
import math
import os

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONTS = "/usr/share/fonts/truetype/noto"
WHITE = (255, 255, 255)
BLUE = (27, 79, 138)  # the leaflet's accent
BLUE_LIGHT = (230, 238, 247)
TEAL = (11, 110, 117)
TEAL_PALE = (150, 200, 204)
CORAL = (226, 120, 96)
CORAL_DARK = (178, 80, 62)
YELLOW = (240, 186, 40)
INK = (31, 35, 40)


def save(image, name, size):
    small = image.resize(size, Image.LANCZOS)
    small.quantize(colors=64, method=Image.MEDIANCUT, dither=Image.NONE).save(
        os.path.join(HERE, name), optimize=True)


def leaf(draw, cx, cy, r, fill):
    """A linden leaf: a heart whose tip points down-right, with a short stalk."""
    points = []
    for i in range(200):
        t = 2 * math.pi * i / 200
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        a = math.radians(-20)
        px, py = x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a)
        points.append((cx + px * r / 17, cy - py * r / 17))
    draw.polygon(points, fill=fill)
    # The stalk grows from the tip (t = pi), on along the leaf's axis.
    tip = points[100]
    a = math.radians(-20)
    axis = (math.sin(a), math.cos(a))
    draw.line([tip, (tip[0] + axis[0] * r * 0.4, tip[1] + axis[1] * r * 0.4)], fill=fill, width=int(r * 0.09))


def draw_logo():
    scale = 2
    w, h = 1200 * scale, 400 * scale
    image = Image.new("RGB", (w, h), WHITE)
    draw = ImageDraw.Draw(image)
    side = h
    draw.rounded_rectangle([0, 0, side - 1, side - 1], radius=side // 6, fill=BLUE)
    leaf(draw, side * 0.5, side * 0.47, side * 0.34, WHITE)
    arm, bar = side * 0.15, side * 0.05
    cx, cy = side * 0.5, side * 0.45
    draw.rectangle([cx - bar, cy - arm, cx + bar, cy + arm], fill=BLUE)
    draw.rectangle([cx - arm, cy - bar, cx + arm, cy + bar], fill=BLUE)
    small = ImageFont.truetype(os.path.join(FONTS, "NotoSans-Regular.ttf"), int(h * 0.2))
    big = ImageFont.truetype(os.path.join(FONTS, "NotoSans-Bold.ttf"), int(h * 0.27))
    x = side + h * 0.12
    draw.text((x, h * 0.14), "Hôpital", font=small, fill=BLUE)
    draw.text((x, h * 0.42), "des Tilleuls", font=big, fill=INK)
    save(image, "logo.png", (1200, 400))


def cell(draw, cx, cy, r, fill, nucleus):
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fill)
    n = r * 0.45
    draw.ellipse([cx - n + r * 0.1, cy - n - r * 0.05, cx + n + r * 0.1, cy + n - r * 0.05], fill=nucleus)


def antibody(draw, x, y, size, angle):
    """A Y: a stem and two arms, `angle` degrees from pointing up."""
    a = math.radians(angle)

    def at(dx, dy):
        return (x + dx * math.cos(a) - dy * math.sin(a), y + dx * math.sin(a) + dy * math.cos(a))

    width = int(size * 0.22)
    draw.line([at(0, size * 0.5), at(0, 0)], fill=YELLOW, width=width)
    draw.line([at(0, 0), at(-size * 0.4, -size * 0.5)], fill=YELLOW, width=width)
    draw.line([at(0, 0), at(size * 0.4, -size * 0.5)], fill=YELLOW, width=width)


def draw_cells():
    scale = 2
    w, h = 2400 * scale, 1600 * scale
    image = Image.new("RGB", (w, h), BLUE_LIGHT)
    draw = ImageDraw.Draw(image)
    # The tumour cell: a lumpy coral blob right of centre.
    tx, ty, tr = w * 0.64, h * 0.52, h * 0.3
    lumps = []
    for i in range(240):
        t = 2 * math.pi * i / 240
        r = tr * (1 + 0.07 * math.sin(5 * t) + 0.04 * math.sin(9 * t + 1))
        lumps.append((tx + r * math.cos(t), ty + r * math.sin(t)))
    draw.polygon(lumps, fill=CORAL)
    draw.ellipse([tx - tr * 0.4, ty - tr * 0.35, tx + tr * 0.3, ty + tr * 0.35], fill=CORAL_DARK)
    # T cells around it; the first touches it.
    cells = [(0.33, 0.5, 0.14), (0.2, 0.22, 0.1), (0.16, 0.78, 0.11), (0.9, 0.18, 0.09), (0.88, 0.86, 0.1),
             (0.45, 0.12, 0.08), (0.47, 0.9, 0.08)]
    for i, (x, y, r) in enumerate(cells):
        cell(draw, w * x, h * y, h * r, TEAL if i == 0 else TEAL_PALE, (6, 70, 75) if i == 0 else TEAL)
    # Antibodies on the touching cell's edge, and granules flying into the tumour.
    ax, ay, ar = w * 0.33, h * 0.5, h * 0.14
    for angle in (-50, 0, 50):
        a = math.radians(angle)
        antibody(draw, ax + ar * 1.12 * math.cos(a), ay + ar * 1.12 * math.sin(a), h * 0.06, angle + 90)
    for k in range(9):
        gx = w * 0.42 + (k % 3) * h * 0.05
        gy = h * 0.42 + (k // 3) * h * 0.07 + (k % 3) * h * 0.012
        g = h * 0.014
        draw.ellipse([gx - g, gy - g, gx + g, gy + g], fill=YELLOW)
    save(image, "immune-cells.png", (2400, 1600))


if __name__ == "__main__":
    draw_logo()
    draw_cells()
