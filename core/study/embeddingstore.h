#pragma once

#include "study/study.h"

#include <QHash>
#include <QSet>
#include <cstddef>
#include <functional>
#include <vector>

namespace tastelab {

/// One clip of a study: a track and an excerpt.
struct ClipKey {
    qint64 trackId = 0;
    double startSeconds = 0;
    double lengthSeconds = 0;

    bool operator==(const ClipKey &o) const
    {
        return trackId == o.trackId && startSeconds == o.startSeconds && lengthSeconds == o.lengthSeconds;
    }
};
inline size_t qHash(const ClipKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.trackId, k.startSeconds, k.lengthSeconds);
}

struct Embedding {
    ClipKey clip;
    std::vector<float> vector;
};

/// A stored vector (the `embeddings.vector` column: little-endian float32 values).
std::vector<float> vectorFromBlob(const QByteArray &blob);

/// What is cached for one encoder.
struct EmbeddingSummary {
    QString encoder;
    QString encoderHash;
    int dim = 0;
    int clips = 0;
    int failures = 0;
};

/// The study's embedding cache: one vector per clip and encoder, stored with the encoder's
/// content hash. Same threading rule as Study (use it on the Study's thread).
class EmbeddingStore {
public:
    explicit EmbeddingStore(Study &study) : m_study(study) {}

    /// Every distinct clip of every participant's plan, ordered by track and start.
    QVector<ClipKey> studyClips() const;

    /// Deletes rows (and failures) of encoder whose hash is not currentHash; returns how many
    /// embeddings were dropped, -1 on error.
    int invalidate(const QString &encoder, const QString &currentHash);

    /// Clips of encoder with a vector stored (under any hash: call invalidate() first).
    QSet<ClipKey> cachedClips(const QString &encoder) const;

    /// Stores a batch in one transaction (replacing a previous failure of the same clip).
    bool store(const QString &encoder, const QString &encoderHash, const QVector<Embedding> &batch);
    /// The same inside the caller's open transaction.
    bool insert(const QString &encoder, const QString &encoderHash, const QVector<Embedding> &batch);
    bool storeFailure(const QString &encoder, const QString &encoderHash, const ClipKey &clip, const QString &reason);

    QVector<Embedding> embeddings(const QString &encoder) const;

    /// One stored vector as forEach() hands it over: `values` points at dim little-endian float32
    /// values in the database's own row buffer (not necessarily 4-byte aligned: copy them, e.g. with
    /// memcpy), valid only during the call.
    using Visitor = std::function<bool(const ClipKey &clip, const void *values, std::size_t dim)>;
    /// Streams every vector of encoder to visit (ordered by track, start and length when ordered),
    /// until visit returns false. It steps the study connection's sqlite3 handle directly, without
    /// a QVariant and a QByteArray per row (docs/benchmarks.md, "Recommendations"). False with
    /// lastError() when the query fails.
    bool forEach(const QString &encoder, bool ordered, const Visitor &visit) const;
    QVector<QPair<ClipKey, QString>> failures(const QString &encoder) const;
    QVector<EmbeddingSummary> summaries() const;

    QString lastError() const { return m_error; }

private:
    Study &m_study;
    mutable QString m_error;
};

} // namespace tastelab
