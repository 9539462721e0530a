// Measures the survey's hot paths and prints figures (see docs/benchmarks.md):
//  - answer commit latency (each answer is its own durable transaction: WAL, synchronous=FULL),
//  - creating a participant's plan on a large library,
//  - importing a library (probe, full decode check, SHA-256) in files/s and audio-seconds/s.
// Usage: survey_bench [--library DIR] [--answers N]
//   --library defaults to a freshly synthesized demo library in a temporary folder.

#include "audio/demolibrary.h"
#include "study/importer.h"
#include "study/participantsession.h"
#include "study/study.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace tastelab;

namespace {

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("library"), QStringLiteral("Music folder to import."), QStringLiteral("dir")});
    p.addOption({QStringLiteral("answers"), QStringLiteral("Answers to commit (default 1000)."), QStringLiteral("n"),
                 QStringLiteral("1000")});
    p.process(app);
    QTemporaryDir tmp;

    // 1. Answer commits.
    {
        const int n = p.value(QStringLiteral("answers")).toInt();
        StudySettings s;
        s.name = QStringLiteral("bench");
        s.clipsPerParticipant = n;
        QString error;
        auto study = Study::create(tmp.filePath(QStringLiteral("commit.tastelab")), s, &error);
        study->database().transaction();
        for (int i = 0; i < n; ++i) {
            Track t;
            t.path = QStringLiteral("/m/%1.flac").arg(i);
            t.contentHash = QString::number(i);
            t.title = t.artist = QStringLiteral("t");
            t.genre = QStringLiteral("g%1").arg(i % 5);
            t.durationSeconds = 60;
            t.format = QStringLiteral("FLAC");
            study->addTrack(t);
        }
        study->database().commit();
        auto session = ParticipantSession::startOrResume(*study, QStringLiteral("P"), {}, 1, &error);
        std::vector<double> ms;
        QElapsedTimer t;
        for (int i = 0; i < n; ++i) {
            t.start();
            if (!session->answer(i, i % 2, 1000, 0, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::printf("answer commit (durable, %d answers): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n", n,
                    percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 0.99), percentile(ms, 1.0));
    }

    // 2. Creating a participant (plan of 200 clips + storing it) on a 20,000-track library.
    {
        StudySettings s;
        s.name = QStringLiteral("bench");
        QString error;
        auto study = Study::create(tmp.filePath(QStringLiteral("plan.tastelab")), s, &error);
        study->database().transaction();
        for (int i = 0; i < 20000; ++i) {
            Track t;
            t.path = QStringLiteral("/m/%1.flac").arg(i);
            t.contentHash = QString::number(i);
            t.title = t.artist = QStringLiteral("t");
            t.genre = QStringLiteral("g%1").arg(i % 12);
            t.durationSeconds = 30 + i % 200;
            t.format = QStringLiteral("FLAC");
            study->addTrack(t);
        }
        study->database().commit();
        std::vector<double> ms;
        QElapsedTimer t;
        for (int i = 0; i < 20; ++i) {
            t.start();
            study->createParticipant(QStringLiteral("P%1").arg(i), quint64(i + 1), {});
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::printf("new participant, 200-clip plan from 20,000 tracks: median %.1f ms\n", percentile(ms, 0.5));
    }

    // 3. Import.
    {
        QString library = p.value(QStringLiteral("library"));
        if (library.isEmpty()) {
            library = tmp.filePath(QStringLiteral("demo"));
            QElapsedTimer t;
            t.start();
            const auto tracks = audio::generateDemoLibrary(QFile::encodeName(library).toStdString());
            double seconds = 0;
            for (const auto &tr : tracks)
                seconds += tr.durationSeconds;
            std::printf("demo library synthesis: %zu tracks, %.0f s of audio in %.1f s\n", tracks.size(), seconds,
                        t.elapsed() / 1000.0);
        }
        StudySettings s;
        s.name = QStringLiteral("bench");
        QString error;
        const QString path = tmp.filePath(QStringLiteral("import.tastelab"));
        Study::create(path, s, &error);
        QElapsedTimer t;
        t.start();
        const ImportReport r = Importer::run({path, library, QString()});
        const double elapsed = t.elapsed() / 1000.0;
        double audioSeconds = 0;
        for (const Track &tr : Study::open(path, &error)->tracks())
            audioSeconds += tr.durationSeconds;
        std::printf("import (probe + full decode check + SHA-256): %d files in %.2f s = %.1f files/s, %.0f x real time\n",
                    r.added, elapsed, r.added / elapsed, audioSeconds / elapsed);
    }
    return 0;
}
