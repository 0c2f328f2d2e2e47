#include "press/press_colors.hpp"

#include <lcms2.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/c_handle.hpp"
#include "core/lcms2_functions.hpp"
#include "images/sample_stream.hpp"

namespace leafpress::press {
namespace {

using Profile = core::CHandle<void, [](void* profile) { core::liblcms2().cmsCloseProfile(profile); }>;
using Transform = core::CHandle<void, [](void* transform) { core::liblcms2().cmsDeleteTransform(transform); }>;
using ToneCurve = core::CHandle<cmsToneCurve, [](cmsToneCurve* curve) { core::liblcms2().cmsFreeToneCurve(curve); }>;

cmsUInt32Number lcms_intent(document::RenderingIntent intent) {
  switch (intent) {
    case document::RenderingIntent::relative_colorimetric: return INTENT_RELATIVE_COLORIMETRIC;
    case document::RenderingIntent::perceptual: return INTENT_PERCEPTUAL;
    case document::RenderingIntent::saturation: return INTENT_SATURATION;
    case document::RenderingIntent::absolute_colorimetric: return INTENT_ABSOLUTE_COLORIMETRIC;
  }
  return INTENT_RELATIVE_COLORIMETRIC;
}

/// sGray: the sRGB tone curve on a D50 grey axis, what an untagged grey picture means.
Profile gray_profile() {
  // IEC 61966-2-1's curve as ICC parametric type 4: Y = (aX + b)^γ for X ≥ d, else cX.
  const double parameters[] = {2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045};
  const ToneCurve curve(core::liblcms2().cmsBuildParametricToneCurve(nullptr, 4, parameters));
  return Profile(core::liblcms2().cmsCreateGrayProfile(core::liblcms2().cmsD50_xyY(), curve.get()));
}

Transform make_transform(cmsHPROFILE from, cmsUInt32Number from_format, cmsHPROFILE to, cmsUInt32Number to_format,
                         cmsUInt32Number intent, cmsUInt32Number flags) {
  return Transform(core::liblcms2().cmsCreateTransform(from, from_format, to, to_format, intent, flags));
}

std::uint8_t byte_of(double share) { return static_cast<std::uint8_t>(std::lround(std::clamp(share, 0.0, 1.0) * 255)); }

/// Rounds an ink to 0.1 %, so that a colour's numbers stay short and the same on every
/// machine whatever LittleCMS's last bits.
double rounded(double ink) { return std::round(std::clamp(ink, 0.0, 1.0) * 1000.0) / 1000.0; }

}  // namespace

struct PressColors::Transforms {
  Profile output;
  Profile srgb;
  Profile gray;
  Profile lab;
  cmsUInt32Number intent = INTENT_RELATIVE_COLORIMETRIC;
  cmsUInt32Number flags = 0;
  Transform rgb_to_cmyk;   // doubles, theme colours
  Transform rgb_to_lab;    // doubles, the lightness of a grey
  Transform cmyk_to_lab;   // doubles, the lightness of a black-only ink
  double black_lightness = 0;  // L* of 100 % K on the paper, relative to its white
};

PressColors::PressColors(const std::optional<core::IccProfile>& profile, document::RenderingIntent intent) {
  if (!profile) return;
  auto t = std::make_unique<Transforms>();
  t->output = Profile(core::liblcms2().cmsOpenProfileFromMem(profile->bytes->data(),
                                                             static_cast<cmsUInt32Number>(profile->bytes->size())));
  t->srgb = Profile(core::liblcms2().cmsCreate_sRGBProfile());
  t->gray = gray_profile();
  t->lab = Profile(core::liblcms2().cmsCreateLab4Profile(nullptr));
  if (!t->output || !t->srgb || !t->gray || !t->lab) return;
  t->intent = lcms_intent(intent);
  // Black-point compensation with the colorimetric intents: sRGB's black becomes the
  // press's deepest black instead of being clipped (ISO 18619).
  t->flags = cmsFLAGS_NOCACHE | (intent == document::RenderingIntent::relative_colorimetric
                                     ? cmsFLAGS_BLACKPOINTCOMPENSATION
                                     : 0);
  t->rgb_to_cmyk = make_transform(t->srgb.get(), TYPE_RGB_DBL, t->output.get(), TYPE_CMYK_DBL, t->intent, t->flags);
  t->rgb_to_lab = make_transform(t->srgb.get(), TYPE_RGB_DBL, t->lab.get(), TYPE_Lab_DBL,
                                 INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE);
  t->cmyk_to_lab = make_transform(t->output.get(), TYPE_CMYK_DBL, t->lab.get(), TYPE_Lab_DBL,
                                  INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE);
  if (!t->rgb_to_cmyk || !t->rgb_to_lab || !t->cmyk_to_lab) return;
  const double solid_black[4] = {0, 0, 0, 100};
  cmsCIELab lab{};
  core::liblcms2().cmsDoTransform(t->cmyk_to_lab.get(), solid_black, &lab, 1);
  t->black_lightness = lab.L;
  transforms_ = std::move(t);
}

PressColors::~PressColors() = default;

core::Cmyk PressColors::color(const core::Color& color) const {
  if (const auto* cmyk = std::get_if<core::Cmyk>(&color)) return *cmyk;
  const core::Cmyk formula = core::to_press_cmyk(color);
  if (!transforms_) return formula;
  const core::Rgb& rgb = std::get<core::Rgb>(color);
  const double in[3] = {std::clamp(rgb.r, 0.0, 1.0), std::clamp(rgb.g, 0.0, 1.0), std::clamp(rgb.b, 0.0, 1.0)};
  const bool grey = formula.c == 0 && formula.m == 0 && formula.y == 0;
  if (grey) {
    // On the black plate alone, as light as the grey is on screen: its L* scaled between
    // the paper's white and the press's solid black (black-point compensation), then the K
    // that prints that L*, found by bisection (L* falls as K grows).
    cmsCIELab lab{};
    core::liblcms2().cmsDoTransform(transforms_->rgb_to_lab.get(), in, &lab, 1);
    const double target =
        transforms_->black_lightness + std::clamp(lab.L, 0.0, 100.0) / 100.0 * (100.0 - transforms_->black_lightness);
    double low = 0;
    double high = 100;
    for (int i = 0; i < 30; ++i) {
      const double mid = (low + high) / 2;
      const double ink[4] = {0, 0, 0, mid};
      cmsCIELab printed{};
      core::liblcms2().cmsDoTransform(transforms_->cmyk_to_lab.get(), ink, &printed, 1);
      (printed.L > target ? low : high) = mid;
    }
    return core::Cmyk{0, 0, 0, rounded((low + high) / 200.0)};
  }
  double out[4] = {0, 0, 0, 0};
  core::liblcms2().cmsDoTransform(transforms_->rgb_to_cmyk.get(), in, out, 1);
  return core::Cmyk{rounded(out[0] / 100), rounded(out[1] / 100), rounded(out[2] / 100), rounded(out[3] / 100)};
}

core::Cmyk PressColors::text_color(const core::Color& color, double size) const {
  const core::Cmyk ink = PressColors::color(color);
  const bool grey = ink.c == 0 && ink.m == 0 && ink.y == 0;
  if (std::holds_alternative<core::Rgb>(color) && grey && ink.k >= kSolidBlackTextMinInk &&
      size <= kSolidBlackTextMaxSize) {
    return core::Cmyk{0, 0, 0, 1};
  }
  return ink;
}

core::Cmyk PressColors::hairline_color(const core::Color& color) const {
  core::Cmyk ink = PressColors::color(color);
  // A tint too pale to print is darkened, its inks in the same proportions (the same hue).
  const double strongest = std::max({ink.c, ink.m, ink.y, ink.k});
  if (strongest >= kMinHairlineInk) return ink;
  if (strongest <= 0) return ink;  // white: a line knocked out of what is under it
  const double scale = kMinHairlineInk / strongest;
  return core::Cmyk{rounded(ink.c * scale), rounded(ink.m * scale), rounded(ink.y * scale), rounded(ink.k * scale)};
}

std::optional<document::Image> PressColors::image(const document::Image& image) const {
  if (image.components == 4) return image;
  const std::optional<std::string> decoded = images::try_pixels(image);
  if (!decoded) return std::nullopt;
  const std::string& pixels = *decoded;
  const std::size_t count = std::size_t{image.width} * image.height;
  if (pixels.size() != count * static_cast<std::size_t>(image.components)) return std::nullopt;
  document::Image out = image;
  out.encoding = document::Image::Encoding::pixels;
  out.png_predictors = false;
  out.components = 4;
  out.icc_profile.clear();
  out.data.assign(count * 4, '\0');
  const auto* in = reinterpret_cast<const std::uint8_t*>(pixels.data());
  auto* cmyk = reinterpret_cast<std::uint8_t*>(out.data.data());
  if (!transforms_) {
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint8_t* p = in + i * static_cast<std::size_t>(image.components);
      const core::Rgb rgb = image.components == 1 ? core::Rgb{p[0] / 255.0, p[0] / 255.0, p[0] / 255.0}
                                                  : core::Rgb{p[0] / 255.0, p[1] / 255.0, p[2] / 255.0};
      const core::Cmyk ink = core::to_press_cmyk(rgb);
      cmyk[4 * i] = byte_of(ink.c);
      cmyk[4 * i + 1] = byte_of(ink.m);
      cmyk[4 * i + 2] = byte_of(ink.y);
      cmyk[4 * i + 3] = byte_of(ink.k);
    }
    out.fingerprint += ":cmyk";
    return out;
  }
  // The picture's own profile when it has a usable one of its colour space, else sRGB/sGray.
  Profile own;
  if (!image.icc_profile.empty()) {
    own = Profile(core::liblcms2().cmsOpenProfileFromMem(image.icc_profile.data(),
                                                         static_cast<cmsUInt32Number>(image.icc_profile.size())));
    const cmsColorSpaceSignature wanted = image.components == 1 ? cmsSigGrayData : cmsSigRgbData;
    if (own && core::liblcms2().cmsGetColorSpace(own.get()) != wanted) own.reset();
  }
  cmsHPROFILE source = own ? own.get() : image.components == 1 ? transforms_->gray.get() : transforms_->srgb.get();
  const Transform transform =
      make_transform(source, image.components == 1 ? TYPE_GRAY_8 : TYPE_RGB_8, transforms_->output.get(), TYPE_CMYK_8,
                     transforms_->intent, transforms_->flags & ~cmsFLAGS_NOCACHE);
  if (!transform) return std::nullopt;
  // ICC's 8-bit CMYK is ink (0 none, 255 full), as DeviceCMYK samples are.
  core::liblcms2().cmsDoTransform(transform.get(), in, cmyk, static_cast<cmsUInt32Number>(count));
  out.fingerprint += ":cmyk";
  return out;
}

}  // namespace leafpress::press
