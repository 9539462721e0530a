#pragma once

// Interpretable components of an audio excerpt and the audio with some of them switched off.
// Plain C++17; LibTorch stays in the .cpp (pimpl). Method and baseline: docs/explanations.md.

#include "audio/audiobuffer.h"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace tastelab::explain {

/// Thrown for bad input (an empty clip, impossible options, a broken separation model); what() is
/// user-readable and names the file where there is one.
class ExplainError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// How an excerpt is cut into components.
enum class ComponentMode {
    Segments,      ///< `segments` equal time segments (default 5)
    Bands,         ///< `bands` mel-spaced frequency bands (STFT masks)
    Hpss,          ///< harmonic and percussive parts (median-filter HPSS soft masks)
    Combined,      ///< segments x {harmonic, percussive}
    CombinedBands, ///< segments x bands
    Sources,       ///< the sources of a separation model (see separation.h)
};
std::string modeId(ComponentMode mode); ///< "segments", "bands", "hpss", "combined", "combined-bands", "sources"
bool modeFromId(const std::string &id, ComponentMode *out);

/// What becomes of a switched-off time segment (modes Segments, Combined, CombinedBands: in the
/// combined modes a segment is cut out when none of its parts is on, and the parts switched off
/// inside a kept segment are silenced; Bands, Hpss and Sources always silence what is off).
enum class Baseline {
    Remove,  ///< cut out: the kept segments are joined (5 ms fades at the cuts), a shorter clip
    Silence, ///< replaced by silence: the clip keeps its length
};
std::string baselineId(Baseline b); ///< "remove", "silence"
bool baselineFromId(const std::string &id, Baseline *out);

struct ComponentOptions {
    ComponentMode mode = ComponentMode::Segments;
    int segments = 5;
    int bands = 4;
    Baseline baseline = Baseline::Remove;
};

/// One component. Time ranges are in seconds from the excerpt's start; frequency ranges in Hz
/// (0 .. Nyquist when the component is not a band).
struct Component {
    std::string name;  ///< e.g. "0.0-2.0 s", "500-1500 Hz", "harmonic", "2.0-4.0 s percussive", "drums"
    double startSeconds = 0;
    double endSeconds = 0;
    double lowHz = 0;
    double highHz = 0;
    std::string part;  ///< "harmonic", "percussive", a source name, or empty
};

/// Which components are on (true) and which are switched off.
using Mask = std::vector<bool>;

/// A mono excerpt cut into components. Rendering a mask gives the excerpt without the switched-off
/// components: time segments are cut out (Baseline::Remove: the kept ones joined, 5 ms fades at
/// the cuts) or gated to silence in the time domain (Baseline::Silence: 10 ms raised-cosine
/// crossfades that sum to one); nothing kept gives the clip's length of silence. Spectral components (bands, H/P, combined) are masks on an STFT
/// (Hann 1024, hop 256) that sum to one, inverted with the inverse STFT; sources are summed. All
/// components on gives the excerpt back (exactly for segments and sources, to float precision
/// for spectral masks).
class Decomposition {
public:
    /// clip must be mono. Throws ExplainError for an empty clip or bad options (mode Sources
    /// needs fromSources()).
    static Decomposition make(const audio::AudioBuffer &clip, const ComponentOptions &options);
    /// Components are the given sources (each mono, as long as the clip, at its rate).
    static Decomposition fromSources(const audio::AudioBuffer &clip, const std::vector<std::string> &names,
                                     const std::vector<audio::AudioBuffer> &sources);

    Decomposition();
    ~Decomposition();
    Decomposition(Decomposition &&) noexcept;
    Decomposition &operator=(Decomposition &&) noexcept;

    ComponentMode mode() const;
    Baseline baseline() const; ///< Silence for Bands, Hpss and Sources
    int size() const;
    const std::vector<Component> &components() const;
    const audio::AudioBuffer &clip() const;

    /// The excerpt with only the components of mask on. Throws ExplainError for a wrong-size mask.
    audio::AudioBuffer render(const Mask &mask) const;
    std::vector<audio::AudioBuffer> render(const std::vector<Mask> &masks) const;

    /// For mode Segments: the segments' sample boundaries (size() + 1 values, 0 .. frames), the
    /// input of the encoders' per-segment fast path. Empty for other modes.
    std::vector<std::int64_t> segmentBoundaries() const;

    /// Spectral modes: component c's mask on the STFT, [bins][frames] flattened row-major (bins =
    /// 513); stftShape() gives {bins, frames}. Empty for Segments and Sources.
    std::vector<float> spectralMask(int component) const;
    std::pair<int, int> stftShape() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// Mel-spaced band edges (bands + 1 values from 0 to Nyquist), HTK mel scale.
std::vector<double> melBandEdges(int bands, double nyquistHz);

/// Magnitude spectrogram of a mono clip (Hann 1024, hop 256, centred), [bins][frames] row-major
/// with bins = 513, for drawing. *frames gets the frame count.
std::vector<float> magnitudeSpectrogram(const audio::AudioBuffer &clip, int *frames);

} // namespace tastelab::explain
