#include "survey/clipplanner.h"

#include <QtTest>

#include <set>

using namespace tastelab::survey;

namespace {

std::vector<PlanTrack> library(const std::map<std::string, int> &genres, double duration = 40.0)
{
    std::vector<PlanTrack> tracks;
    std::int64_t id = 1;
    for (const auto &[genre, n] : genres)
        for (int i = 0; i < n; ++i)
            tracks.push_back({id++, genre, duration + (id % 7) * 3.0});
    return tracks;
}

bool samePlan(const Plan &a, const Plan &b)
{
    if (a.items.size() != b.items.size())
        return false;
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        const PlanItem &x = a.items[i], &y = b.items[i];
        if (x.trackId != y.trackId || x.startSeconds != y.startSeconds || x.repeatOf != y.repeatOf
            || x.position != y.position)
            return false;
    }
    return true;
}

} // namespace

class TestClipPlanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void balanceAcrossGenres_data()
    {
        QTest::addColumn<int>("genres");
        QTest::addColumn<int>("tracksPerGenre");
        QTest::addColumn<int>("clips");
        QTest::newRow("thesis: 5 x 40, 200 clips") << 5 << 40 << 200;
        QTest::newRow("6 x 40, 200 clips (uneven by one)") << 6 << 40 << 200;
        QTest::newRow("5 x 12, 30 clips") << 5 << 12 << 30;
        QTest::newRow("3 x 100, 10 clips") << 3 << 100 << 10;
    }
    void balanceAcrossGenres()
    {
        QFETCH(int, genres);
        QFETCH(int, tracksPerGenre);
        QFETCH(int, clips);
        std::map<std::string, int> spec;
        for (int g = 0; g < genres; ++g)
            spec["genre" + std::to_string(g)] = tracksPerGenre;
        PlanOptions o;
        o.clipsPerParticipant = clips;
        const Plan plan = planClips(library(spec), o, 42);
        QCOMPARE(int(plan.items.size()), clips);
        QVERIFY(plan.balanced);
        QVERIFY2(plan.notes.empty(), plan.notes.empty() ? "" : plan.notes.front().c_str());
        std::map<std::int64_t, std::string> genreOf;
        for (const PlanTrack &t : library(spec))
            genreOf[t.id] = t.genre;
        std::map<std::string, int> counted;
        for (const PlanItem &i : plan.items)
            counted[genreOf[i.trackId]] += 1;
        QCOMPARE(int(counted.size()), genres);
        for (const auto &[g, n] : counted) {
            QVERIFY2(n == clips / genres || n == clips / genres + 1, g.c_str());
            QCOMPARE(plan.perGenre.at(g), n);
        }
    }

    void shortGenreIsReported()
    {
        const auto tracks = library({{"edm", 40}, {"hiphop", 40}, {"jazz", 7}, {"pop", 40}, {"rock", 40}});
        PlanOptions o;
        o.clipsPerParticipant = 100;
        const Plan plan = planClips(tracks, o, 7);
        QCOMPARE(int(plan.items.size()), 100);
        QVERIFY(!plan.balanced);
        QCOMPARE(plan.perGenre.at("jazz"), 7);
        for (const char *g : {"edm", "hiphop", "pop", "rock"})
            QVERIFY(plan.perGenre.at(g) == 23 || plan.perGenre.at(g) == 24);
        QCOMPARE(int(plan.notes.size()), 1);
        QVERIFY(plan.notes[0].find("jazz") != std::string::npos);
        QVERIFY(plan.notes[0].find("not balanced") != std::string::npos);
    }

    void excerptsStayAwayFromEdges()
    {
        const auto tracks = library({{"a", 30}, {"b", 30}}, 11.2);
        PlanOptions o;
        o.clipsPerParticipant = 60;
        const Plan plan = planClips(tracks, o, 99);
        QCOMPARE(int(plan.items.size()), 60);
        std::map<std::int64_t, double> duration;
        for (const PlanTrack &t : tracks)
            duration[t.id] = t.durationSeconds;
        for (const PlanItem &i : plan.items) {
            const double d = duration[i.trackId];
            QCOMPARE(i.lengthSeconds, 10.0);
            QVERIFY2(i.startSeconds >= 0.05 * d - 1e-9, qPrintable(QString::number(i.startSeconds)));
            QVERIFY2(i.startSeconds + i.lengthSeconds <= 0.95 * d + 1e-9, qPrintable(QString::number(i.startSeconds)));
        }
        // Starts are spread over the allowed range, not stuck at one end.
        const auto longTracks = library({{"a", 200}}, 100.0);
        o.clipsPerParticipant = 200;
        const Plan spread = planClips(longTracks, o, 5);
        double lo = 1e9, hi = 0;
        for (const PlanItem &i : spread.items) {
            lo = std::min(lo, i.startSeconds);
            hi = std::max(hi, i.startSeconds);
        }
        QVERIFY(lo < 10.0);
        QVERIFY(hi > 70.0);
    }

    void tooShortTracksAreSkipped()
    {
        auto tracks = library({{"a", 10}});
        tracks.push_back({1000, "a", 10.5}); // 10 s clip needs 11.11 s
        tracks.push_back({1001, "a", 2.0});
        PlanOptions o;
        o.clipsPerParticipant = 50;
        const Plan plan = planClips(tracks, o, 1);
        QCOMPARE(int(plan.items.size()), 10);
        for (const PlanItem &i : plan.items)
            QVERIFY(i.trackId < 1000);
        QCOMPARE(int(plan.notes.size()), 2); // too short, and fewer tracks than clips
        QVERIFY(plan.notes[0].find("2 tracks are too short") != std::string::npos);
        QVERIFY(plan.notes[1].find("10 clips per participant instead of 50") != std::string::npos);
        QCOMPARE(minimumTrackSeconds(10.0), 10.0 / 0.9);
    }

    void sameSeedSamePlan()
    {
        auto tracks = library({{"a", 40}, {"b", 40}, {"c", 40}, {"d", 40}, {"e", 40}});
        PlanOptions o;
        o.repeats = 10;
        const Plan first = planClips(tracks, o, 123456789);
        std::reverse(tracks.begin(), tracks.end()); // input order must not matter
        const Plan second = planClips(tracks, o, 123456789);
        QVERIFY(samePlan(first, second));
        const Plan other = planClips(tracks, o, 123456790);
        QVERIFY(!samePlan(first, other));
        // A recorded plan, pinned: a change to the generator or planner that would make an old seed
        // give another plan fails here.
        const Plan small = planClips(library({{"x", 3}, {"y", 3}}), PlanOptions{10.0, 4, true, 0, 0.05}, 2024);
        QString got;
        for (const PlanItem &i : small.items)
            got += QStringLiteral("%1@%2 ").arg(i.trackId).arg(i.startSeconds, 0, 'f', 3);
        QCOMPARE(got.trimmed(), QStringLiteral("5@26.396 4@12.902 2@15.897 3@11.611"));
    }

    void eachTrackOnceInRandomOrder()
    {
        const auto tracks = library({{"a", 50}, {"b", 50}});
        PlanOptions o;
        o.clipsPerParticipant = 100;
        const Plan plan = planClips(tracks, o, 3);
        std::set<std::int64_t> seen;
        int ascending = 0;
        for (std::size_t i = 0; i < plan.items.size(); ++i) {
            QCOMPARE(plan.items[i].position, int(i));
            QVERIFY(seen.insert(plan.items[i].trackId).second);
            if (i > 0 && plan.items[i].trackId > plan.items[i - 1].trackId)
                ++ascending;
        }
        QVERIFY(ascending > 30 && ascending < 70); // shuffled, not sorted
    }

    void repeatsComeLaterWithTheSameExcerpt()
    {
        const auto tracks = library({{"a", 20}, {"b", 20}});
        PlanOptions o;
        o.clipsPerParticipant = 30;
        o.repeats = 6;
        const Plan plan = planClips(tracks, o, 77);
        QCOMPARE(int(plan.items.size()), 36);
        int repeats = 0;
        std::set<int> originals;
        for (const PlanItem &i : plan.items) {
            if (i.repeatOf < 0)
                continue;
            ++repeats;
            const PlanItem &first = plan.items[std::size_t(i.repeatOf)];
            QCOMPARE(first.repeatOf, -1);
            QCOMPARE(first.trackId, i.trackId);
            QCOMPARE(first.startSeconds, i.startSeconds);
            QVERIFY2(i.position >= i.repeatOf + 2, "a repeat follows its original with another clip between");
            QVERIFY(originals.insert(i.repeatOf).second);
        }
        QCOMPARE(repeats, 6);
    }

    void withoutBalanceTakesAnyTracks()
    {
        const auto tracks = library({{"big", 90}, {"small", 10}});
        PlanOptions o;
        o.clipsPerParticipant = 50;
        o.balanceGenres = false;
        const Plan plan = planClips(tracks, o, 11);
        QCOMPARE(int(plan.items.size()), 50);
        QVERIFY(plan.perGenre.at("big") > plan.perGenre.at("small"));
        QCOMPARE(plan.perGenre.at("big") + plan.perGenre.at("small"), 50);
    }
};

QTEST_GUILESS_MAIN(TestClipPlanner)
#include "tst_clipplanner.moc"
