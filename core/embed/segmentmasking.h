#pragma once

#include "audio/audiobuffer.h"

#include <cstdint>
#include <vector>

namespace tastelab::embed {

/// What becomes of a switched-off segment.
enum class SegmentBaseline {
    Remove,  ///< cut out: the kept segments are joined (the embedding summarizes only them)
    Silence, ///< replaced by silence (the clip keeps its length)
};

/// An optional capability of an Encoder (query it with dynamic_cast): embeddings of one clip with
/// some time segments replaced by silence, computed from the clip's frame features without
/// embedding every masked clip again. The explanations' fast path for time-segment components.
///
/// The result is near, not equal, to embed() of the masked audio (the kept segments joined, or the
/// switched-off ones silenced): analysis frames are assigned to a segment by their centre sample,
/// so the few frames that straddle a boundary (within half a window of it) see the original
/// around the boundary instead of the joined (or silenced) audio; docs/explanations.md gives the
/// measured difference. Everything else (deltas, onset envelope, tempo, statistics) is computed
/// from the assembled frames exactly as embed() does. A mask with nothing kept gives the
/// embedding of the clip's length of silence, whatever the baseline.
class SegmentMaskEncoder {
public:
    virtual ~SegmentMaskEncoder() = default;
    /// Computes the frame features of clip (in the encoder's format) once; boundaries are the
    /// segments' sample boundaries (n + 1 increasing values from 0 to clip.frames()).
    /// Throws EncoderError.
    virtual void prepareSegments(const audio::AudioBuffer &clip, const std::vector<std::int64_t> &boundaries) = 0;
    /// One embedding per mask (n entries, true = segment kept) of the prepared clip.
    virtual std::vector<std::vector<float>> embedSegmentMasks(const std::vector<std::vector<bool>> &masks,
                                                              SegmentBaseline baseline) = 0;
};

} // namespace tastelab::embed
