#pragma once

// Tracks that exist only as rows: for tests of storage, sessions and training, which never decode.

#include "study/study.h"

namespace tastelab::test {

/// Adds count tracks named /m/<i>.flac with genres g0..g<genres-1> in turn, in one transaction.
/// Returns false (with study.lastError()) when a row could not be added.
inline bool addRowOnlyTracks(Study &study, int count, int genres, double durationSeconds)
{
    if (!study.database().transaction())
        return false;
    for (int i = 0; i < count; ++i) {
        Track t;
        t.path = QStringLiteral("/m/%1.flac").arg(i);
        t.contentHash = QString::number(i);
        t.title = t.artist = QStringLiteral("t");
        t.genre = QStringLiteral("g%1").arg(i % genres);
        t.durationSeconds = durationSeconds;
        t.format = QStringLiteral("FLAC");
        if (study.addTrack(t) == 0) {
            study.database().rollback();
            return false;
        }
    }
    return study.database().commit();
}

} // namespace tastelab::test
