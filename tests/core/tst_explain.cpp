// Listenable explanations (core/explain): attribution methods on planted score functions,
// components and rendering, HPSS, the built-in encoder's per-segment fast path, the Explainer.
// QtTest is only the runner; core/explain has no Qt.

#include "embed/builtinencoder.h"
#include "embed/segmentmasking.h"
#include "explain/attribution.h"
#include "explain/decomposition.h"
#include "explain/explainer.h"
#include "explain/separation.h"
#include "../common/tinyseparator.h"


#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace tastelab;
using namespace tastelab::explain;
using tastelab::test::writeTinySeparator;

namespace {

constexpr int kRate = 22050;
constexpr double kPi = 3.14159265358979323846;

audio::AudioBuffer mono(std::vector<float> samples)
{
    audio::AudioBuffer b;
    b.sampleRate = kRate;
    b.channels = 1;
    b.samples = std::move(samples);
    return b;
}

/// 10 s: quiet noise, with a loud chord in the third of five segments.
audio::AudioBuffer loudMiddle()
{
    std::vector<float> s(std::size_t(10 * kRate));
    std::uint32_t seed = 7;
    for (std::size_t i = 0; i < s.size(); ++i) {
        seed = seed * 1664525u + 1013904223u;
        const double t = double(i) / kRate;
        double v = 0.01 * (double(seed >> 8) / double(1u << 24) * 2.0 - 1.0);
        if (t >= 4.2 && t < 5.8)
            v += 0.3 * std::sin(2 * kPi * 220 * t) + 0.2 * std::sin(2 * kPi * 330 * t);
        s[i] = float(v);
    }
    return mono(std::move(s));
}

double norm(const std::vector<float> &a)
{
    double s = 0;
    for (float v : a)
        s += double(v) * v;
    return std::sqrt(s);
}

double distance(const std::vector<float> &a, const std::vector<float> &b)
{
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        s += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
    return std::sqrt(s);
}

/// A like-probability that grows with the excerpt's mean log-mel level (the first 64 values):
/// about 0.79 for the quiet noise of loudMiddle(), 0.85 for its loud segment, 0.002 for silence.
std::vector<float> loudnessPredictor(const std::vector<std::vector<float>> &embeddings)
{
    std::vector<float> p;
    for (const auto &e : embeddings) {
        double mean = 0;
        for (int i = 0; i < 64; ++i)
            mean += e[std::size_t(i)];
        mean /= 64.0;
        p.push_back(float(1.0 / (1.0 + std::exp(-(mean + 40.0) / 10.0))));
    }
    return p;
}

void writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
}

QString errorOf(const std::string &manifest)
{
    try {
        SeparationModel::load(manifest);
    } catch (const ExplainError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestExplain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shapleyIsExactOnAdditiveScores()
    {
        const std::vector<double> w{0.3, -0.2, 0.05, 0.0, 0.12, -0.07};
        const ScoreFn score = [&w](const std::vector<Mask> &masks) {
            std::vector<double> out;
            for (const Mask &m : masks) {
                double s = 0.1;
                for (std::size_t i = 0; i < w.size(); ++i)
                    s += m[i] ? w[i] : 0.0;
                out.push_back(s);
            }
            return out;
        };
        int calls = 0;
        const Attribution a = shapleyExact(int(w.size()), score, 8, [&calls](int, int) {
            ++calls;
            return true;
        });
        QCOMPARE(a.evaluations, 64);
        QCOMPARE(calls, 8);
        for (std::size_t i = 0; i < w.size(); ++i)
            QVERIFY2(std::abs(a.weights[i] - w[i]) < 1e-12, qPrintable(QString::number(a.weights[i])));
        QVERIFY(std::abs(a.fidelity - 1.0) < 1e-12);
        QVERIFY(std::abs(a.fidelityAllCoalitions - 1.0) < 1e-12);
        QVERIFY(std::abs(a.emptyScore - 0.1) < 1e-12);
    }

    void shapleyOfAnInteraction()
    {
        // v = z0 z1 + z2: the product is shared equally, z3 is a dummy.
        const ScoreFn score = [](const std::vector<Mask> &masks) {
            std::vector<double> out;
            for (const Mask &m : masks)
                out.push_back((m[0] && m[1] ? 1.0 : 0.0) + (m[2] ? 1.0 : 0.0));
            return out;
        };
        const Attribution a = shapleyExact(4, score);
        QVERIFY(std::abs(a.weights[0] - 0.5) < 1e-12);
        QVERIFY(std::abs(a.weights[1] - 0.5) < 1e-12);
        QVERIFY(std::abs(a.weights[2] - 1.0) < 1e-12);
        QVERIFY(std::abs(a.weights[3]) < 1e-12);
        // Efficiency; the additive model cannot fit the product exactly.
        QVERIFY(std::abs(std::accumulate(a.weights.begin(), a.weights.end(), 0.0) - (a.fullScore - a.emptyScore)) < 1e-12);
        QVERIFY(a.fidelity < 0.999);
        QVERIFY(a.fidelity > 0.5);
        QVERIFY(a.fidelityAllCoalitions < 0.999);
    }

    void cancelStopsTheEvaluation()
    {
        const ScoreFn score = [](const std::vector<Mask> &masks) { return std::vector<double>(masks.size(), 0.0); };
        bool cancelled = false;
        try {
            shapleyExact(8, score, 16, [](int done, int) { return done < 64; });
        } catch (const Cancelled &) {
            cancelled = true;
        }
        QVERIFY(cancelled);
    }

    void limeRecoversAPlantedLinearFunction()
    {
        const int n = 14;
        std::vector<double> w;
        for (int i = 0; i < n; ++i)
            w.push_back(0.05 * std::sin(1.7 * i + 0.3));
        const ScoreFn score = [&w](const std::vector<Mask> &masks) {
            std::vector<double> out;
            for (const Mask &m : masks) {
                double s = 0.4;
                for (std::size_t i = 0; i < w.size(); ++i)
                    s += m[i] ? w[i] : 0.0;
                out.push_back(s);
            }
            return out;
        };
        LimeOptions options;
        options.samples = 1024;
        const Attribution a = lime(n, score, options);
        QCOMPARE(a.evaluations, 1024);
        QCOMPARE(a.method, Method::Lime);
        for (int i = 0; i < n; ++i)
            QVERIFY2(std::abs(a.weights[std::size_t(i)] - w[std::size_t(i)]) < 2e-3,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(a.weights[std::size_t(i)]).arg(w[std::size_t(i)])));
        QVERIFY(a.fidelity > 0.999);
        QVERIFY(std::abs(a.intercept - 0.4) < 5e-3);
    }

    void limeIsDeterministicForASeed()
    {
        const ScoreFn score = [](const std::vector<Mask> &masks) {
            std::vector<double> out;
            for (const Mask &m : masks)
                out.push_back((m[0] && m[3] ? 0.5 : 0.0) + (m[5] ? 0.2 : 0.0) - (m[7] ? 0.1 : 0.0));
            return out;
        };
        LimeOptions options;
        options.samples = 300;
        options.seed = 42;
        const Attribution a = lime(12, score, options);
        const Attribution b = lime(12, score, options);
        QCOMPARE(a.masks, b.masks);
        QCOMPARE(a.weights, b.weights);
        options.seed = 43;
        const Attribution c = lime(12, score, options);
        QVERIFY(a.masks != c.masks);
        // Interaction is not linear: fidelity below 1 but the ranking is still right.
        QVERIFY(a.fidelity < 1.0);
        QVERIFY(a.weights[0] > 0.1 && a.weights[3] > 0.1 && a.weights[7] < 0);
    }

    void segmentsCoverTheClip()
    {
        const audio::AudioBuffer clip = loudMiddle();
        ComponentOptions options;
        options.segments = 5;
        options.baseline = Baseline::Silence;
        const Decomposition d = Decomposition::make(clip, options);
        QCOMPARE(d.size(), 5);
        QCOMPARE(d.components().front().startSeconds, 0.0);
        QVERIFY(std::abs(d.components().back().endSeconds - 10.0) < 1e-9);
        for (int i = 1; i < 5; ++i)
            QCOMPARE(d.components()[std::size_t(i)].startSeconds, d.components()[std::size_t(i - 1)].endSeconds);
        QCOMPARE(d.components()[1].name, std::string("2.0-4.0 s"));
        const auto boundaries = d.segmentBoundaries();
        QCOMPARE(boundaries.size(), std::size_t(6));
        QCOMPARE(boundaries.back(), clip.frames());
        // All on gives the clip back exactly; the single segments add up to it.
        QCOMPARE(d.render(Mask(5, true)).samples, clip.samples);
        std::vector<float> sum(clip.samples.size(), 0.0f);
        for (int i = 0; i < 5; ++i) {
            Mask m(5, false);
            m[std::size_t(i)] = true;
            const auto part = d.render(m);
            for (std::size_t k = 0; k < sum.size(); ++k)
                sum[k] += part.samples[k];
            // Outside its segment (beyond the 10 ms crossfade) a segment is silent.
            const auto lo = boundaries[std::size_t(i)] - 200;
            const auto hi = boundaries[std::size_t(i + 1)] + 200;
            for (std::int64_t k = 0; k < clip.frames(); k += 97)
                if (k < lo || k >= hi)
                    QCOMPARE(part.samples[std::size_t(k)], 0.0f);
        }
        QVERIFY(distance(sum, clip.samples) < 1e-4 * norm(clip.samples));
        QVERIFY(norm(d.render(Mask(5, false)).samples) == 0.0);
        QVERIFY_EXCEPTION_THROWN(d.render(Mask(4, true)), ExplainError);

        // The default baseline cuts switched-off segments out: the kept ones are joined.
        const Decomposition cut = Decomposition::make(clip, ComponentOptions{});
        QCOMPARE(cut.baseline(), Baseline::Remove);
        QCOMPARE(cut.render(Mask(5, true)).samples, clip.samples);
        const auto joined = cut.render(Mask{true, false, true, false, false}).samples;
        QCOMPARE(std::int64_t(joined.size()), 2 * (boundaries[1] - boundaries[0]));
        // The first segment is untouched up to its fade-out; the third follows it.
        QCOMPARE(joined[1000], clip.samples[1000]);
        const std::size_t third = std::size_t(boundaries[2]);
        QCOMPARE(joined[std::size_t(boundaries[1]) + 5000], clip.samples[third + 5000]);
        QCOMPARE(cut.render(Mask(5, false)).frames(), clip.frames()); // nothing kept: silence
    }

    void bandsPartitionTheSpectrum()
    {
        const audio::AudioBuffer clip = loudMiddle();
        ComponentOptions options;
        options.mode = ComponentMode::Bands;
        options.bands = 4;
        const Decomposition d = Decomposition::make(clip, options);
        QCOMPARE(d.size(), 4);
        QCOMPARE(d.components().front().lowHz, 0.0);
        QCOMPARE(d.components().back().highHz, kRate / 2.0);
        const auto [bins, frames] = d.stftShape();
        QCOMPARE(bins, 513);
        std::vector<float> total(std::size_t(bins) * std::size_t(frames), 0.0f);
        for (int c = 0; c < 4; ++c) {
            const auto m = d.spectralMask(c);
            for (std::size_t k = 0; k < total.size(); ++k)
                total[k] += m[k];
        }
        for (float v : total)
            QCOMPARE(v, 1.0f);
        const auto all = d.render(Mask(4, true));
        QVERIFY(distance(all.samples, clip.samples) < 1e-4 * norm(clip.samples));
        // The chord (220/330 Hz) lives in the lowest band.
        const auto low = d.render(Mask{true, false, false, false});
        QVERIFY(norm(low.samples) > 0.9 * norm(clip.samples));
        ComponentOptions combined;
        combined.mode = ComponentMode::CombinedBands;
        combined.segments = 5;
        combined.bands = 3;
        const Decomposition c = Decomposition::make(clip, combined);
        QCOMPARE(c.size(), 15);
        QCOMPARE(c.components()[4].name.substr(0, 9), std::string("2.0-4.0 s"));
        // Cut out by default: only segment 2's lowest band on leaves that segment alone; all on
        // is the clip again.
        Mask one(15, false);
        one[3] = true;
        QCOMPARE(c.render(one).frames(), std::int64_t(2 * kRate));
        QVERIFY(distance(c.render(Mask(15, true)).samples, clip.samples) < 1e-4 * norm(clip.samples));
        combined.baseline = Baseline::Silence;
        QCOMPARE(Decomposition::make(clip, combined).render(one).frames(), clip.frames());
    }

    void hpssSeparatesASineFromClicks()
    {
        const int length = 4 * kRate;
        const auto count = static_cast<std::size_t>(length);
        std::vector<float> sine(count), clicks(count, 0.0f), mix(count);
        for (int i = 0; i < length; ++i)
            sine[std::size_t(i)] = float(0.3 * std::sin(2 * kPi * 440.0 * i / kRate));
        for (int i = kRate / 8; i < length; i += kRate / 4)
            for (int k = 0; k < 32; ++k)
                clicks[std::size_t(i + k)] = float(0.8 * std::exp(-k / 6.0) * (k % 2 ? -1 : 1));
        for (int i = 0; i < length; ++i)
            mix[std::size_t(i)] = sine[std::size_t(i)] + clicks[std::size_t(i)];
        ComponentOptions options;
        options.mode = ComponentMode::Hpss;
        const Decomposition d = Decomposition::make(mono(mix), options);
        QCOMPARE(d.size(), 2);
        QCOMPARE(d.components()[0].part, std::string("harmonic"));
        const auto h = d.spectralMask(0);
        const auto p = d.spectralMask(1);
        for (std::size_t k = 0; k < h.size(); ++k)
            QVERIFY(std::abs(h[k] + p[k] - 1.0f) < 1e-5f);
        const auto harmonic = d.render(Mask{true, false}).samples;
        const auto percussive = d.render(Mask{false, true}).samples;
        const double sineError = distance(harmonic, sine) / norm(sine);
        const double clickError = distance(percussive, clicks) / norm(clicks);
        qInfo("HPSS: harmonic vs sine %.3f, percussive vs clicks %.3f (relative L2 error)", sineError, clickError);
        QVERIFY(sineError < 0.2);
        QVERIFY(clickError < 0.5);
        // The percussive part holds far less of the sine than the harmonic part does.
        QVERIFY(distance(percussive, clicks) < distance(harmonic, clicks));
    }

    void badInputIsRefused()
    {
        audio::AudioBuffer stereo;
        stereo.sampleRate = kRate;
        stereo.channels = 2;
        stereo.samples.assign(20000, 0.0f);
        QVERIFY_EXCEPTION_THROWN(Decomposition::make(stereo, {}), ExplainError);
        QVERIFY_EXCEPTION_THROWN(Decomposition::make(mono(std::vector<float>(100, 0.0f)), {}), ExplainError);
        ComponentOptions tooMany;
        tooMany.segments = 0;
        QVERIFY_EXCEPTION_THROWN(Decomposition::make(loudMiddle(), tooMany), ExplainError);
        ComponentMode mode;
        QVERIFY(modeFromId("combined", &mode) && mode == ComponentMode::Combined);
        QVERIFY(!modeFromId("stems", &mode));
    }

    void segmentFastPathAgreesWithReembedding_data()
    {
        QTest::addColumn<bool>("silence");
        QTest::newRow("remove") << false;
        QTest::newRow("silence") << true;
    }

    void segmentFastPathAgreesWithReembedding()
    {
        auto encoder = embed::makeBuiltinEncoder();
        auto *fast = dynamic_cast<embed::SegmentMaskEncoder *>(encoder.get());
        QVERIFY(fast);
        const audio::AudioBuffer clip = loudMiddle();
        ComponentOptions options;
        const Decomposition d = Decomposition::make(clip, options);
        std::vector<Mask> masks;
        for (int s = 0; s < 32; ++s) {
            Mask m(5);
            for (int i = 0; i < 5; ++i)
                m[std::size_t(i)] = (s >> i) & 1;
            masks.push_back(m);
        }
        fast->prepareSegments(clip, d.segmentBoundaries());
        QFETCH(bool, silence);
        const auto pooled = fast->embedSegmentMasks(
            masks, silence ? embed::SegmentBaseline::Silence : embed::SegmentBaseline::Remove);
        options.baseline = silence ? Baseline::Silence : Baseline::Remove;
        const auto embedded = encoder->embed(Decomposition::make(clip, options).render(masks));
        // All on: the same frames, so the same numbers.
        QVERIFY(distance(pooled.back(), embedded.back()) <= 1e-4 * norm(embedded.back()));
        // Tempo (two values, in BPM) can jump to another lag on a short excerpt of noise, so it is
        // left out of the comparison (and reported).
        const auto withoutTempo = [](std::vector<float> v) {
            std::size_t offset = 0;
            for (const auto &[name, size] : embed::builtinFeatureGroups()) {
                if (name == "tempo")
                    std::fill(v.begin() + std::ptrdiff_t(offset), v.begin() + std::ptrdiff_t(offset + std::size_t(size)), 0.0f);
                offset += std::size_t(size);
            }
            return v;
        };
        double worst = 0;
        std::size_t worstMask = 0;
        for (std::size_t k = 1; k < masks.size(); ++k) {
            const double r = distance(withoutTempo(pooled[k]), withoutTempo(embedded[k])) / norm(embedded[k]);
            if (r > worst) {
                worst = r;
                worstMask = k;
            }
        }
        // Where the difference is: frames that straddle a segment boundary (see segmentmasking.h).
        std::string group;
        double groupWorst = -1;
        std::size_t offset = 0;
        for (const auto &[name, size] : embed::builtinFeatureGroups()) {
            if (name == "tempo") {
                offset += std::size_t(size);
                continue;
            }
            std::vector<float> a(pooled[worstMask].begin() + std::ptrdiff_t(offset), pooled[worstMask].begin() + std::ptrdiff_t(offset + std::size_t(size)));
            std::vector<float> b(embedded[worstMask].begin() + std::ptrdiff_t(offset), embedded[worstMask].begin() + std::ptrdiff_t(offset + std::size_t(size)));
            if (distance(a, b) > groupWorst) {
                groupWorst = distance(a, b);
                group = name;
            }
            offset += std::size_t(size);
        }
        qInfo("per-segment fast path (%s): largest relative L2 difference to re-embedding (tempo left out) %.4f (mask %d, most in %s)",
              silence ? "silence" : "remove", worst, int(worstMask), group.c_str());
        QVERIFY(worst < 0.05);
    }

    void explainerFindsTheLoudSegment()
    {
        auto encoder = embed::makeBuiltinEncoder();
        Explainer explainer(*encoder, loudnessPredictor);
        ExplainOptions options;
        const Explanation fast = explainer.explain(loudMiddle(), options);
        QCOMPARE(fast.method, Method::Shapley);
        QVERIFY(fast.fastPath);
        QCOMPARE(fast.evaluations, 32);
        QCOMPARE(fast.components.size(), std::size_t(5));
        QCOMPARE(fast.top(1, Direction::Liked), std::vector<int>{2});
        const double sum = std::accumulate(fast.weights.begin(), fast.weights.end(), 0.0);
        QVERIFY(std::abs(sum - (fast.likeProbability - fast.emptyScore)) < 1e-9);
        qInfo("loudness predictor, 5 segments: fidelity %.3f (Shapley kernel), %.3f (all coalitions)", fast.fidelity,
              fast.fidelityAllCoalitions);
        // Cut out, the kept segments' level is averaged: nearly additive around the one-segment
        // mean that stands for "nothing kept". Silenced, a sigmoid of a level dragged down by
        // silence is far from additive (the fidelity says so; its arithmetic is checked on the
        // planted functions above).
        QVERIFY(fast.fidelity > 0.5 && fast.fidelity <= 1.0);
        {
            ExplainOptions silent;
            silent.components.baseline = Baseline::Silence;
            const Explanation s = explainer.explain(loudMiddle(), silent);
            qInfo("silence baseline: fidelity %.3f (Shapley kernel), %.3f (all coalitions)", s.fidelity,
                  s.fidelityAllCoalitions);
            QCOMPARE(s.baseline, std::string("silence"));
            QCOMPARE(s.top(1, Direction::Liked), std::vector<int>{2});
            QVERIFY(s.fidelity <= 1.0);
        }
        QCOMPARE(fast.weight(2, Direction::Disliked), -fast.weights[2]);
        QVERIFY(fast.top(3, Direction::Disliked).size() <= 3);

        options.fastPath = false;
        const Explanation slow = explainer.explain(loudMiddle(), options);
        QVERIFY(!slow.fastPath);
        QCOMPARE(slow.top(1, Direction::Liked), std::vector<int>{2});
        double worst = 0;
        for (int i = 0; i < 5; ++i)
            worst = std::max(worst, std::abs(slow.weights[std::size_t(i)] - fast.weights[std::size_t(i)]));
        qInfo("fast path vs re-embedding: largest Shapley difference %.4f (p = %.3f)", worst, slow.likeProbability);
        QVERIFY(worst < 0.02);

        // Only the top segment, rendered: the 2 s that hold the chord.
        const auto top = explainer.render({2});
        QCOMPARE(top.frames(), std::int64_t(2 * kRate));
        QVERIFY(norm(top.samples) > 0.9 * norm(loudMiddle().samples));
        QCOMPARE(fast.baseline, std::string("remove"));
        // "More like this part" and recomputing after a retrain.
        const auto isolated = explainer.maskedEmbedding({2}); // the part alone
        QCOMPARE(int(isolated.size()), encoder->info().embeddingSize);
        const Explanation again = explainer.reattribute(loudnessPredictor);
        for (int i = 0; i < 5; ++i)
            QVERIFY(std::abs(again.weights[std::size_t(i)] - slow.weights[std::size_t(i)]) < 1e-12);
        const Predictor inverse = [](const std::vector<std::vector<float>> &e) {
            auto p = loudnessPredictor(e);
            for (float &v : p)
                v = 1.0f - v;
            return p;
        };
        QVERIFY(std::abs(explainer.componentWeight(2, inverse) + slow.weights[2]) < 1e-6);
    }

    void explainerRunsOnSpectralComponents()
    {
        auto encoder = embed::makeBuiltinEncoder();
        Explainer explainer(*encoder, loudnessPredictor);
        ExplainOptions options;
        options.components.mode = ComponentMode::Combined;
        options.components.segments = 2;
        options.batch = 8;
        const Explanation e = explainer.explain(loudMiddle(), options);
        QCOMPARE(e.components.size(), std::size_t(4));
        QCOMPARE(e.method, Method::Shapley);
        QVERIFY(!e.fastPath);
        options.method = Method::Lime;
        options.lime.samples = 64;
        const Explanation l = explainer.explain(loudMiddle(), options);
        QCOMPARE(l.method, Method::Lime);
        QCOMPARE(l.evaluations, 64);
    }
    void separationModelSourcesBecomeComponents()
    {
        QTemporaryDir dir;
        const QString manifest = writeTinySeparator(dir.path(), 3, QStringLiteral(R"("low", "mid", "high")"));
        const auto model = SeparationModel::load(QFile::encodeName(manifest).toStdString());
        QCOMPARE(model->info().sources, (std::vector<std::string>{"low", "mid", "high"}));
        QCOMPARE(model->info().sampleRate, 16000);
        const Decomposition d = sourceComponents(*model, loudMiddle());
        QCOMPARE(d.mode(), ComponentMode::Sources);
        QCOMPARE(d.size(), 3);
        QCOMPARE(d.components()[1].name, std::string("mid"));
        QCOMPARE(d.render(Mask{true, false, false}).frames(), loudMiddle().frames());
        QVERIFY(norm(d.render(Mask{true, false, false}).samples) > 0.0);

        auto encoder = embed::makeBuiltinEncoder();
        Explainer explainer(*encoder, loudnessPredictor);
        const Explanation e = explainer.explain(sourceComponents(*model, loudMiddle()), ExplainOptions{});
        QCOMPARE(e.mode, std::string("sources"));
        QCOMPARE(e.method, Method::Shapley);
        QCOMPARE(e.evaluations, 8);
        QCOMPARE(e.components[2].name, std::string("high"));
    }

    void brokenSeparationModelsNameTheFile()
    {
        QTemporaryDir dir;
        const std::string missing = QFile::encodeName(dir.path() + "/none.json").toStdString();
        QVERIFY(errorOf(missing).contains("none.json: manifest not found"));
        const QString bad = dir.path() + "/bad.json";
        writeText(bad, "{ not json");
        QVERIFY(errorOf(QFile::encodeName(bad).toStdString()).contains("bad.json: not valid JSON"));
        writeText(bad, R"({"name": "x", "model": "x.pt", "sample_rate": 16000, "channels": 1})");
        QVERIFY(errorOf(QFile::encodeName(bad).toStdString()).contains("field \"sources\" is missing"));
        writeText(bad, R"({"name": "x", "model": "x.pt", "sample_rate": 16000, "channels": 1, "sources": ["a"]})");
        QVERIFY(errorOf(QFile::encodeName(bad).toStdString()).contains("x.pt: model file not found"));
        writeText(dir.path() + "/x.pt", "garbage");
        QVERIFY(errorOf(QFile::encodeName(bad).toStdString()).contains("x.pt: not a TorchScript model"));
        // Three outputs, two names.
        const QString wrong = writeTinySeparator(dir.path(), 3, QStringLiteral(R"("a", "b")"));
        const QString message = errorOf(QFile::encodeName(wrong).toStdString());
        QVERIFY2(message.contains("tiny.pt: produces [3, 16000]") && message.contains("expected [2, 16000]"),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestExplain)
#include "tst_explain.moc"
