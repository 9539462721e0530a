#pragma once

// Small helpers for tests that need real audio files on disk.

#include "audio/audiofile.h"

#include <QDir>
#include <QFile>
#include <QString>

#include <cmath>

namespace tastelab::test {

/// A stereo tone with a little noise: real audio that every encoder handles.
inline audio::AudioBuffer tone(double seconds, double hz, int rate = 22050, int channels = 2)
{
    audio::AudioBuffer b;
    b.sampleRate = rate;
    b.channels = channels;
    const auto frames = static_cast<std::size_t>(seconds * rate);
    b.samples.resize(frames * std::size_t(channels));
    std::uint32_t noise = 12345;
    for (std::size_t i = 0; i < frames; ++i) {
        noise = noise * 1664525u + 1013904223u;
        const float n = (float(noise >> 9) / float(1u << 23) - 0.5f) * 0.05f;
        const float v = 0.4f * float(std::sin(2.0 * M_PI * hz * double(i) / rate)) + n;
        for (int c = 0; c < channels; ++c)
            b.samples[i * std::size_t(channels) + std::size_t(c)] = v;
    }
    return b;
}

/// Writes a tone file (format from the extension), creating folders; returns the path.
inline QString writeTone(const QString &path, double seconds, double hz, const audio::AudioTags &tags = {})
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    audio::writeAudio(QFile::encodeName(path).toStdString(), tone(seconds, hz), tags);
    return path;
}

inline void writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
}

/// Overwrites size bytes in the middle of the file with garbage (keeps the header intact).
inline void corruptMiddle(const QString &path, int size = 4096)
{
    QFile f(path);
    f.open(QIODevice::ReadWrite);
    const qint64 middle = f.size() / 2;
    f.seek(middle);
    QByteArray junk(size, '\0');
    for (int i = 0; i < size; ++i)
        junk[i] = char((i * 151 + 7) & 0xff);
    f.write(junk);
}

/// Cuts the file to a fraction of its size, leaving its header claiming the full length.
inline void truncateFile(const QString &path, double keep = 0.5)
{
    QFile f(path);
    f.open(QIODevice::ReadWrite);
    f.resize(qint64(double(f.size()) * keep));
}

} // namespace tastelab::test
