#include "audio/demolibrary.h"

#include "audio/audiobuffer.h"
#include "audio/audiofile.h"
#include "survey/rng.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;

namespace tastelab::audio {

namespace {

// The synthesizer below is deliberately simple: table sine, polyBLEP saw, naive square/triangle,
// one-pole and state-variable filters, exponential envelopes and a small Schroeder reverb. Every
// voice is rendered note by note into a stereo bus, so the cost is O(samples x active voices).
// All randomness comes from tastelab::Rng (fully specified) and a local xorshift noise source, so
// the output is identical on every platform for a given seed.

constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoPi = 2.0 * kPi;

// ------------------------------------------------------------------------------------------------
// Primitives

class SineTable {
public:
    static constexpr int kSize = 4096;
    SineTable()
    {
        for (int i = 0; i <= kSize; ++i)
            m_table[i] = float(std::sin(kTwoPi * i / kSize));
    }
    /// sin(2 pi cycles), linearly interpolated.
    float operator()(double cycles) const
    {
        // Truncation-based floor: std::floor is a library call on baseline x86-64.
        double whole = double(std::int64_t(cycles));
        if (whole > cycles)
            whole -= 1.0;
        const double x = (cycles - whole) * kSize;
        const int i = std::min(int(x), kSize - 1);
        const float frac = float(x - i);
        return m_table[i] + frac * (m_table[i + 1] - m_table[i]);
    }

private:
    float m_table[kSize + 1];
};

const SineTable &sine()
{
    static const SineTable table;
    return table;
}

/// xorshift32 white noise in [-1, 1).
class Noise {
public:
    explicit Noise(std::uint64_t seed) : m_state(std::uint32_t(seed ^ (seed >> 32)) | 1u) {}
    float next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return float(std::int32_t(m_state)) * (1.0f / 2147483648.0f);
    }

private:
    std::uint32_t m_state;
};

double uniform(Rng &rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }
bool chance(Rng &rng, double p) { return rng.uniform() < p; }
int pick(Rng &rng, int n) { return int(rng.below(std::uint64_t(n))); }

double mtof(double midi) { return 440.0 * std::pow(2.0, (midi - 69.0) / 12.0); }

/// Moves a MIDI note by octaves into [lo, lo + 12).
int fold(int midi, int lo)
{
    while (midi < lo)
        midi += 12;
    while (midi >= lo + 12)
        midi -= 12;
    return midi;
}

float onePoleCoeff(double hz, int sr)
{
    hz = std::clamp(hz, 1.0, 0.45 * sr);
    return float(1.0 - std::exp(-kTwoPi * hz / sr));
}

struct OnePole {
    float z = 0.0f;
    float lp(float x, float a)
    {
        z += a * (x - z);
        return z;
    }
    float hp(float x, float a) { return x - lp(x, a); }
};

/// Chamberlin state-variable low-pass; f = 2 sin(pi fc / sr), damping q = 1 / Q.
struct Svf {
    float low = 0.0f;
    float band = 0.0f;
    float lp(float x, float f, float q)
    {
        low += f * band;
        const float high = x - low - q * band;
        band += f * high;
        return low;
    }
};

float svfCoeff(double hz, int sr)
{
    hz = std::clamp(hz, 20.0, 0.16 * sr);
    return 2.0f * sine()(hz / (2.0 * sr));
}

/// Smooth saturation, ~linear for small x, reaching +-1 at |x| = 3.
float softClip(float x)
{
    if (x > 3.0f)
        return 1.0f;
    if (x < -3.0f)
        return -1.0f;
    const float x2 = x * x;
    return x * (27.0f + x2) / (27.0f + 9.0f * x2);
}

double polyBlep(double t, double dt)
{
    if (t < dt) {
        t /= dt;
        return t + t - t * t - 1.0;
    }
    if (t > 1.0 - dt) {
        t = (t - 1.0) / dt;
        return t * t + t + t + 1.0;
    }
    return 0.0;
}

struct SawOsc {
    double phase = 0.0;
    double inc = 0.0;
    float next()
    {
        const float v = float(2.0 * phase - 1.0 - polyBlep(phase, inc));
        phase += inc;
        if (phase >= 1.0)
            phase -= 1.0;
        return v;
    }
};

struct Pan {
    float l;
    float r;
};

/// Constant-power pan, -1 (left) .. +1 (right).
Pan panGains(double pan)
{
    const double angle = (std::clamp(pan, -1.0, 1.0) + 1.0) * kPi / 4.0;
    return {float(std::cos(angle)), float(std::sin(angle))};
}

struct Bus {
    std::vector<float> l;
    std::vector<float> r;
    explicit Bus(std::int64_t frames) : l(std::size_t(frames), 0.0f), r(std::size_t(frames), 0.0f) {}
    std::int64_t frames() const { return std::int64_t(l.size()); }
    /// How many of len frames from start fit into the bus.
    std::int64_t fit(std::int64_t start, std::int64_t len) const
    {
        if (start < 0 || start >= frames() || len <= 0)
            return 0;
        return std::min(len, frames() - start);
    }
    void add(const Bus &other, float gain)
    {
        for (std::size_t i = 0; i < l.size(); ++i) {
            l[i] += other.l[i] * gain;
            r[i] += other.r[i] * gain;
        }
    }
};

// ------------------------------------------------------------------------------------------------
// Harmony and timing

struct Song {
    int sampleRate = 44100;
    std::int64_t frames = 0;
    double bpm = 120.0;
    int key = 0; ///< pitch class of the tonic
    bool minor = false;
    std::vector<int> progression; ///< scale degrees (0 = tonic), one per chord slot
    int beatsPerChord = 4;

    double beatSeconds() const { return 60.0 / bpm; }
    std::int64_t frameAt(double beats) const { return std::llround(beats * 60.0 / bpm * sampleRate); }
    double totalBeats() const { return double(frames) / sampleRate / beatSeconds(); }
    int bars() const { return int(std::ceil(totalBeats() / 4.0)); }
    int chordAt(double beat) const
    {
        const int slot = int(std::floor(beat / beatsPerChord + 1e-9));
        return progression[std::size_t(slot) % progression.size()];
    }
    int semitones(int degree) const
    {
        static const int major[7] = {0, 2, 4, 5, 7, 9, 11};
        static const int minorScale[7] = {0, 2, 3, 5, 7, 8, 10};
        const int octave = degree >= 0 ? degree / 7 : -((-degree + 6) / 7);
        const int d = degree - 7 * octave;
        return (minor ? minorScale : major)[d] + 12 * octave;
    }
    /// MIDI note of a scale degree, counted from the tonic in the octave starting at octaveC.
    int note(int degree, int octaveC) const { return octaveC + key + semitones(degree); }
    /// Diatonic chord by stacking thirds: size 3 = triad, 4 = seventh chord, 5 = ninth.
    std::vector<int> chord(int degree, int size, int octaveC) const
    {
        std::vector<int> notes;
        for (int i = 0; i < size; ++i)
            notes.push_back(note(degree + 2 * i, octaveC));
        return notes;
    }
};

std::vector<int> pickProgression(Rng &rng, const std::vector<std::vector<int>> &options)
{
    return options[std::size_t(pick(rng, int(options.size())))];
}

// ------------------------------------------------------------------------------------------------
// Drums

struct KickSound {
    double startHz = 150.0;
    double endHz = 50.0;
    double pitchTau = 0.03;
    double ampTau = 0.25;
    double click = 0.2;
    double drive = 1.0;
};

void addKick(Bus &bus, int sr, std::int64_t start, float gain, const KickSound &k, Noise &noise)
{
    const std::int64_t n = bus.fit(start, std::int64_t(k.ampTau * 7.0 * sr));
    if (n <= 0)
        return;
    const SineTable &sin = sine();
    const double pitchMul = std::exp(-1.0 / (k.pitchTau * sr));
    const double ampMul = std::exp(-1.0 / (k.ampTau * sr));
    const double clickMul = std::exp(-1.0 / (0.003 * sr));
    const float drive = float(k.drive);
    const float norm = k.drive > 1.0 ? 1.0f / softClip(drive) : 1.0f;
    double pitchEnv = 1.0, amp = 1.0, clickEnv = 1.0, phase = 0.0;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        phase += (k.endHz + (k.startHz - k.endHz) * pitchEnv) / sr;
        float v = sin(phase) * float(amp) + noise.next() * float(clickEnv * k.click);
        if (k.drive > 1.0)
            v = softClip(v * drive) * norm;
        v *= gain * 0.7071f;
        l[i] += v;
        r[i] += v;
        pitchEnv *= pitchMul;
        amp *= ampMul;
        clickEnv *= clickMul;
    }
}

void addHat(Bus &bus, int sr, std::int64_t start, float gain, double pan, double tau, double hpHz, Noise &noise)
{
    const std::int64_t n = bus.fit(start, std::int64_t(tau * 7.0 * sr));
    if (n <= 0)
        return;
    const float a = onePoleCoeff(hpHz, sr);
    const double mul = std::exp(-1.0 / (tau * sr));
    const Pan p = panGains(pan);
    OnePole f1, f2;
    double amp = 1.0;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        float x = noise.next();
        x = f1.hp(x, a);
        x = f2.hp(x, a);
        const float v = x * float(amp) * gain;
        l[i] += v * p.l;
        r[i] += v * p.r;
        amp *= mul;
    }
}

struct SnareSound {
    double toneHz = 185.0;
    double toneTau = 0.05;
    double noiseTau = 0.15;
    double hpHz = 900.0;
    double lpHz = 8000.0;
    double toneMix = 0.5;
};

void addSnare(Bus &bus, int sr, std::int64_t start, float gain, double pan, const SnareSound &s, Noise &noise)
{
    const std::int64_t n = bus.fit(start, std::int64_t(std::max(s.noiseTau, s.toneTau) * 7.0 * sr));
    if (n <= 0)
        return;
    const SineTable &sin = sine();
    const float hp = onePoleCoeff(s.hpHz, sr);
    const float lp = onePoleCoeff(s.lpHz, sr);
    const double toneMul = std::exp(-1.0 / (s.toneTau * sr));
    const double noiseMul = std::exp(-1.0 / (s.noiseTau * sr));
    const Pan p = panGains(pan);
    OnePole fh, fl;
    double toneEnv = 1.0, noiseEnv = 1.0, phase = 0.0, bend = 1.0;
    const double bendMul = std::exp(-1.0 / (0.02 * sr));
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        phase += s.toneHz * (1.0 + 0.25 * bend) / sr;
        const float tone = (sin(phase) + 0.5f * sin(phase * 1.78)) * float(toneEnv * s.toneMix);
        const float nz = fl.lp(fh.hp(noise.next(), hp), lp) * float(noiseEnv) * 1.6f;
        const float v = (tone + nz) * gain;
        l[i] += v * p.l;
        r[i] += v * p.r;
        toneEnv *= toneMul;
        noiseEnv *= noiseMul;
        bend *= bendMul;
    }
}

void addClap(Bus &bus, int sr, std::int64_t start, float gain, double pan, Noise &noise)
{
    const std::int64_t n = bus.fit(start, std::int64_t(0.8 * sr));
    if (n <= 0)
        return;
    const float hp = onePoleCoeff(900.0, sr);
    const float lp = onePoleCoeff(3500.0, sr);
    const Pan p = panGains(pan);
    OnePole fh, fl;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        const double t = double(i) / sr;
        double env;
        if (t < 0.033)
            env = std::exp(-std::fmod(t, 0.011) / 0.0035);
        else
            env = 0.75 * std::exp(-(t - 0.033) / 0.11);
        const float v = fl.lp(fh.hp(noise.next(), hp), lp) * float(env) * gain * 2.0f;
        l[i] += v * p.l;
        r[i] += v * p.r;
    }
}

/// Metallic cymbal: six detuned square waves (the classic 808 recipe) plus noise, high-passed.
void addCymbal(Bus &bus, int sr, std::int64_t start, float gain, double pan, double tau, double baseHz,
               double noiseMix, Noise &noise)
{
    const std::int64_t n = bus.fit(start, std::int64_t(tau * 4.5 * sr));
    if (n <= 0)
        return;
    static const double ratios[6] = {1.0, 1.4471, 1.6170, 1.9265, 2.5028, 2.6637};
    double inc[6];
    double phase[6];
    for (int k = 0; k < 6; ++k) {
        inc[k] = baseHz * ratios[k] / sr;
        phase[k] = 0.13 * k;
    }
    const float hp = onePoleCoeff(std::min(5500.0, 0.3 * sr), sr);
    const float lp = onePoleCoeff(std::min(12000.0, 0.45 * sr), sr);
    const Pan p = panGains(pan);
    OnePole f1, f2, f3;
    const double pingMul = std::exp(-1.0 / (0.035 * sr));
    const double washMul = std::exp(-1.0 / (tau * sr));
    double ping = 1.0, wash = 1.0;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        float metal = 0.0f;
        for (int k = 0; k < 6; ++k) {
            metal += phase[k] < 0.5 ? 1.0f : -1.0f;
            phase[k] += inc[k];
            if (phase[k] >= 1.0)
                phase[k] -= 1.0;
        }
        float x = metal * (1.0f / 6.0f) + noise.next() * float(noiseMix);
        x = f3.lp(f2.hp(f1.hp(x, hp), hp), lp);
        const float v = x * float(0.55 * ping + 0.45 * wash) * gain;
        l[i] += v * p.l;
        r[i] += v * p.r;
        ping *= pingMul;
        wash *= washMul;
    }
}

// ------------------------------------------------------------------------------------------------
// Tonal voices

struct EPianoSound {
    double brightness = 1.0;
    double decay = 1.6;
    double tremoloDepth = 0.0;
    double tremoloHz = 4.5;
    double lowpassHz = 12000.0;
};

/// Two-operator FM electric piano: bright attack, mellow sustain.
void addEPiano(Bus &bus, int sr, std::int64_t start, std::int64_t dur, double midi, float vel, double pan,
               const EPianoSound &s)
{
    const std::int64_t release = std::int64_t(0.3 * sr);
    const std::int64_t n = bus.fit(start, dur + release);
    if (n <= 0)
        return;
    const SineTable &sin = sine();
    const double f = mtof(midi);
    const double inc = f / sr;
    const double index0 = (0.8 + 2.4 * vel) * s.brightness / kTwoPi;
    const double indexFloor = 0.22 * s.brightness / kTwoPi;
    const double indexMul = std::exp(-1.0 / (0.22 * sr));
    const double ampMul = std::exp(-1.0 / (s.decay * std::pow(261.6 / f, 0.35) * sr));
    const double relMul = std::exp(-1.0 / (0.05 * sr));
    const std::int64_t attack = std::max<std::int64_t>(1, std::int64_t(0.002 * sr));
    const float a = onePoleCoeff(s.lowpassHz, sr);
    const Pan p = panGains(pan);
    const double tremInc = s.tremoloHz / sr;
    OnePole lpf;
    double pc = 0.0, pm = 0.0, idx = 1.0, amp = 1.0, rel = 1.0, trem = 0.0;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        const double index = index0 * idx + indexFloor;
        float v = sin(pc + index * sin(pm));
        v = lpf.lp(v, a);
        double env = amp * rel;
        if (i < attack)
            env *= double(i) / attack;
        v *= float(env) * vel;
        const float t = float(s.tremoloDepth) * sin(trem);
        l[i] += v * p.l * (1.0f + t);
        r[i] += v * p.r * (1.0f - t);
        pc += inc;
        pm += inc;
        trem += tremInc;
        idx *= indexMul;
        amp *= ampMul;
        if (i >= dur)
            rel *= relMul;
    }
}

/// Soft FM bell (ambient shimmer, hip-hop top line).
void addBell(Bus &bus, int sr, std::int64_t start, double midi, float vel, double pan, double tau, double ratio,
             double attackSeconds)
{
    const std::int64_t n = bus.fit(start, std::int64_t(tau * 6.0 * sr));
    if (n <= 0)
        return;
    const SineTable &sin = sine();
    const double f = mtof(midi);
    const double inc = f / sr;
    const double incM = f * ratio / sr;
    const double ampMul = std::exp(-1.0 / (tau * sr));
    const double idxMul = std::exp(-1.0 / (0.4 * tau * sr));
    const std::int64_t attack = std::max<std::int64_t>(1, std::int64_t(attackSeconds * sr));
    const Pan p = panGains(pan);
    double pc = 0.0, pm = 0.0, amp = 1.0, idx = 1.2 / kTwoPi;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        float v = sin(pc + idx * sin(pm)) * float(amp) * vel;
        if (i < attack)
            v *= float(i) / float(attack);
        l[i] += v * p.l;
        r[i] += v * p.r;
        pc += inc;
        pm += incM;
        amp *= ampMul;
        idx *= idxMul;
    }
}

struct PadSound {
    double attack = 2.0;
    double release = 3.0;
    double detuneCents = 8.0;
    double cutoffHz = 1000.0;
    bool triangle = false;
};

/// Three detuned oscillators spread across the stereo field, two-pole low-pass, slow envelope.
void addPad(Bus &bus, int sr, std::int64_t start, std::int64_t dur, double midi, float gain, const PadSound &s,
            double phaseSeed)
{
    const std::int64_t releaseFrames = std::max<std::int64_t>(1, std::int64_t(s.release * sr));
    const std::int64_t n = bus.fit(start, dur + releaseFrames);
    if (n <= 0)
        return;
    const double f = mtof(midi);
    const double detune = std::pow(2.0, s.detuneCents / 1200.0);
    SawOsc osc[3];
    osc[0].inc = f / detune / sr;
    osc[1].inc = f / sr;
    osc[2].inc = f * detune / sr;
    for (int k = 0; k < 3; ++k)
        osc[k].phase = std::fmod(phaseSeed * (k + 1) * 0.618, 1.0);
    const float a = onePoleCoeff(s.cutoffHz, sr);
    const std::int64_t attack = std::max<std::int64_t>(1, std::int64_t(s.attack * sr));
    OnePole l1, l2, r1, r2;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    double levelAtRelease = -1.0;
    for (std::int64_t i = 0; i < n; ++i) {
        double env;
        if (i < dur) {
            const double x = i < attack ? double(i) / attack : 1.0;
            env = x * x * (3.0 - 2.0 * x);
        } else {
            if (levelAtRelease < 0.0) {
                const double x = dur < attack ? double(dur) / attack : 1.0;
                levelAtRelease = x * x * (3.0 - 2.0 * x);
            }
            env = levelAtRelease * (1.0 - double(i - dur) / releaseFrames);
        }
        float o[3];
        for (int k = 0; k < 3; ++k) {
            if (s.triangle) {
                o[k] = float(4.0 * std::fabs(osc[k].phase - 0.5) - 1.0);
                osc[k].phase += osc[k].inc;
                if (osc[k].phase >= 1.0)
                    osc[k].phase -= 1.0;
            } else {
                o[k] = osc[k].next();
            }
        }
        const float vl = o[0] + 0.6f * o[1] + 0.25f * o[2];
        const float vr = 0.25f * o[0] + 0.6f * o[1] + o[2];
        const float g = float(env) * gain;
        l[i] += l2.lp(l1.lp(vl, a), a) * g;
        r[i] += r2.lp(r1.lp(vr, a), a) * g;
    }
}

/// 808-style sine bass with a pitch drop at the start and saturation.
void addSubBass(Bus &bus, int sr, std::int64_t start, std::int64_t dur, double midi, float gain, double glideSemis,
                double drive, double tau)
{
    const std::int64_t release = std::int64_t(0.03 * sr);
    const std::int64_t n = bus.fit(start, dur + release);
    if (n <= 0)
        return;
    const SineTable &sin = sine();
    const double f = mtof(midi);
    const double glideMul = std::exp(-1.0 / (0.04 * sr));
    const double ampMul = std::exp(-1.0 / (tau * sr));
    const std::int64_t attack = std::max<std::int64_t>(1, std::int64_t(0.003 * sr));
    const float norm = 1.0f / softClip(float(drive));
    double glide = 1.0, amp = 1.0, phase = 0.0;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        phase += f * std::exp2(glideSemis * glide / 12.0) / sr;
        double env = amp;
        if (i < attack)
            env *= double(i) / attack;
        if (i >= dur)
            env *= 1.0 - double(i - dur) / release;
        const float v = softClip(sin(phase) * float(drive)) * norm * float(env) * gain * 0.7071f;
        l[i] += v;
        r[i] += v;
        glide *= glideMul;
        amp *= ampMul;
    }
}

struct AcidSound {
    double cutoffHz = 300.0;
    double envHz = 1500.0;
    double envTau = 0.09;
    double damping = 0.35; ///< 1/Q: lower is more resonant
};

/// Saw through a resonant, envelope-swept low-pass.
void addAcidBass(Bus &bus, int sr, std::int64_t start, std::int64_t dur, double midi, float gain, const AcidSound &s)
{
    const std::int64_t release = std::int64_t(0.012 * sr);
    const std::int64_t n = bus.fit(start, dur + release);
    if (n <= 0)
        return;
    SawOsc osc;
    osc.inc = mtof(midi) / sr;
    const double envMul = std::exp(-1.0 / (s.envTau * sr));
    const std::int64_t attack = std::max<std::int64_t>(1, std::int64_t(0.002 * sr));
    Svf svf;
    double env = 1.0;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        const float fc = svfCoeff(s.cutoffHz + s.envHz * env, sr);
        float v = svf.lp(osc.next(), fc, float(s.damping));
        double amp = 1.0;
        if (i < attack)
            amp = double(i) / attack;
        if (i >= dur)
            amp = 1.0 - double(i - dur) / release;
        v = softClip(v * 1.4f) * float(amp) * gain * 0.7071f;
        l[i] += v;
        r[i] += v;
        env *= envMul;
    }
}

/// Upright bass: sine plus harmonics, plucked decay, slight pitch settle and a finger thump.
void addUpright(Bus &bus, int sr, std::int64_t start, std::int64_t dur, double midi, float vel, Noise &noise)
{
    const std::int64_t release = std::int64_t(0.04 * sr);
    const std::int64_t n = bus.fit(start, dur + release);
    if (n <= 0)
        return;
    const SineTable &sin = sine();
    const double f = mtof(midi);
    const double ampMul = std::exp(-1.0 / (0.5 * sr));
    const double bendMul = std::exp(-1.0 / (0.025 * sr));
    const double thumpMul = std::exp(-1.0 / (0.012 * sr));
    const std::int64_t attack = std::max<std::int64_t>(1, std::int64_t(0.004 * sr));
    const float lp = onePoleCoeff(350.0, sr);
    OnePole thumpFilter;
    double phase = 0.0, amp = 1.0, bend = 1.0, thump = 1.0;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        phase += f * (1.0 - 0.012 * bend) / sr;
        float v = sin(phase) + 0.4f * sin(2.0 * phase) + 0.12f * sin(3.0 * phase);
        v += thumpFilter.lp(noise.next(), lp) * float(thump) * 2.0f;
        double env = amp;
        if (i < attack)
            env *= double(i) / attack;
        if (i >= dur)
            env *= 1.0 - double(i - dur) / release;
        v *= float(env) * vel * 0.5f;
        l[i] += v * 0.75f;
        r[i] += v * 0.66f;
        amp *= ampMul;
        bend *= bendMul;
        thump *= thumpMul;
    }
}

/// Picked electric bass: saw, low-passed, slightly driven.
void addRockBass(Bus &bus, int sr, std::int64_t start, std::int64_t dur, double midi, float gain)
{
    const std::int64_t release = std::int64_t(0.02 * sr);
    const std::int64_t n = bus.fit(start, dur + release);
    if (n <= 0)
        return;
    SawOsc osc;
    osc.inc = mtof(midi) / sr;
    const float a = onePoleCoeff(650.0, sr);
    const double decayMul = std::exp(-1.0 / (0.25 * sr));
    const std::int64_t attack = std::max<std::int64_t>(1, std::int64_t(0.003 * sr));
    OnePole f1, f2;
    double decay = 1.0;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        double env = 0.7 + 0.3 * decay;
        if (i < attack)
            env *= double(i) / attack;
        if (i >= dur)
            env *= 1.0 - double(i - dur) / release;
        const float v = softClip(f2.lp(f1.lp(osc.next(), a), a) * 1.8f) * float(env) * gain * 0.7071f;
        l[i] += v;
        r[i] += v;
        decay *= decayMul;
    }
}

/// Distorted power chord (root, fifth, octave), double-tracked left and right.
void addPowerChord(Bus &bus, int sr, std::int64_t start, std::int64_t dur, int rootMidi, float gain, bool palmMute,
                   double drive, double detuneCents, double cabHz)
{
    static const int intervals[3] = {0, 7, 12};
    for (int take = 0; take < 2; ++take) {
        const std::int64_t offset = take == 0 ? 0 : std::int64_t(0.009 * sr);
        const std::int64_t release = std::int64_t(0.025 * sr);
        const std::int64_t n = bus.fit(start + offset, dur + release);
        if (n <= 0)
            continue;
        SawOsc osc[3];
        for (int k = 0; k < 3; ++k) {
            const double cents = (take == 0 ? -1.0 : 1.0) * detuneCents * (1.0 + 0.3 * k);
            osc[k].inc = mtof(rootMidi + intervals[k] + cents / 100.0) / sr;
            osc[k].phase = 0.21 * (k + 1) + 0.37 * take;
            osc[k].phase -= std::floor(osc[k].phase);
        }
        const float lp = onePoleCoeff(palmMute ? cabHz * 0.45 : cabHz, sr);
        const float hp = onePoleCoeff(90.0, sr);
        const double stringMul = std::exp(-1.0 / ((palmMute ? 0.12 : 2.5) * sr));
        const double gateMul = palmMute ? std::exp(-1.0 / (0.16 * sr)) : 1.0;
        const std::int64_t attack = std::max<std::int64_t>(1, std::int64_t(0.002 * sr));
        const Pan p = panGains(take == 0 ? -0.75 : 0.75);
        OnePole c1, c2, h;
        double string = 1.0, gate = 1.0;
        float *l = bus.l.data() + start + offset;
        float *r = bus.r.data() + start + offset;
        for (std::int64_t i = 0; i < n; ++i) {
            const float sum = (osc[0].next() + osc[1].next() + 0.7f * osc[2].next()) * 0.4f;
            float v = softClip(sum * float(drive * (0.35 + 0.65 * string)));
            v = h.hp(c2.lp(c1.lp(v, lp), lp), hp);
            double env = gate;
            if (i < attack)
                env *= double(i) / attack;
            if (i >= dur)
                env *= 1.0 - double(i - dur) / release;
            v *= float(env) * gain;
            l[i] += v * p.l;
            r[i] += v * p.r;
            string *= stringMul;
            gate *= gateMul;
        }
    }
}

/// Game-console pulse wave with optional vibrato and a stepped volume decay.
void addSquare(Bus &bus, int sr, std::int64_t start, std::int64_t dur, double midi, double duty, float gain,
               double pan, double vibratoSemis, double decayPerSecond)
{
    const std::int64_t release = std::int64_t(0.004 * sr);
    const std::int64_t n = bus.fit(start, dur + release);
    if (n <= 0)
        return;
    const SineTable &sin = sine();
    const double f = mtof(midi);
    const Pan p = panGains(pan);
    const float dc = float(2.0 * duty - 1.0);
    const std::int64_t vibratoStart = std::int64_t(0.15 * sr);
    double phase = 0.0, vib = 0.0;
    const double vibInc = 5.5 / sr;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        double inc = f / sr;
        if (vibratoSemis > 0.0 && i > vibratoStart) {
            inc *= 1.0 + vibratoSemis * 0.0578 * sin(vib);
            vib += vibInc;
        }
        phase += inc;
        if (phase >= 1.0)
            phase -= 1.0;
        // 4-bit style volume steps.
        const double t = double(i) / sr;
        double vol = std::max(0.35, 1.0 - decayPerSecond * t);
        vol = std::floor(vol * 15.0) / 15.0;
        if (i >= dur)
            vol *= 1.0 - double(i - dur) / release;
        const float v = ((phase < duty ? 1.0f : -1.0f) - dc) * float(vol) * gain;
        l[i] += v * p.l;
        r[i] += v * p.r;
    }
}

/// 4-bit triangle bass.
void addTriangleBass(Bus &bus, int sr, std::int64_t start, std::int64_t dur, double midi, float gain)
{
    const std::int64_t n = bus.fit(start, dur);
    if (n <= 0)
        return;
    const double inc = mtof(midi) / sr;
    double phase = 0.0;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        float v = float(4.0 * std::fabs(phase - 0.5) - 1.0);
        v = std::floor(v * 7.5f + 0.5f) / 7.5f;
        phase += inc;
        if (phase >= 1.0)
            phase -= 1.0;
        v *= gain * 0.7071f;
        l[i] += v;
        r[i] += v;
    }
}

/// Chip drums: kick = falling triangle sweep, snare/hat = stepped LFSR noise.
void addChipKick(Bus &bus, int sr, std::int64_t start, float gain)
{
    const std::int64_t n = bus.fit(start, std::int64_t(0.12 * sr));
    if (n <= 0)
        return;
    double phase = 0.0;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        const double t = double(i) / sr;
        phase += (70.0 + 200.0 * std::exp(-t / 0.025)) / sr;
        phase -= std::floor(phase);
        float v = float(4.0 * std::fabs(phase - 0.5) - 1.0);
        v *= float(1.0 - t / 0.12) * gain * 0.7071f;
        l[i] += v;
        r[i] += v;
    }
}

void addChipNoise(Bus &bus, int sr, std::int64_t start, float gain, double pan, double length, double clockHz,
                  std::uint32_t &lfsr)
{
    const std::int64_t n = bus.fit(start, std::int64_t(length * sr));
    if (n <= 0)
        return;
    const Pan p = panGains(pan);
    double clock = 0.0;
    float value = 1.0f;
    float *l = bus.l.data() + start;
    float *r = bus.r.data() + start;
    for (std::int64_t i = 0; i < n; ++i) {
        clock += clockHz / sr;
        while (clock >= 1.0) {
            clock -= 1.0;
            const std::uint32_t bit = (lfsr ^ (lfsr >> 1)) & 1u;
            lfsr = (lfsr >> 1) | (bit << 14);
            value = (lfsr & 1u) ? 1.0f : -1.0f;
        }
        double vol = 1.0 - double(i) / double(n);
        vol = std::floor(vol * 15.0) / 15.0;
        const float v = value * float(vol) * gain;
        l[i] += v * p.l;
        r[i] += v * p.r;
    }
}

// ------------------------------------------------------------------------------------------------
// Effects

/// Small Schroeder/Freeverb-style reverb: parallel damped combs into series all-passes.
void applyReverb(Bus &bus, int sr, double size, double damping, float wet, float dry)
{
    struct Comb {
        std::vector<float> buf;
        std::size_t pos = 0;
        float store = 0.0f;
    };
    struct AllPass {
        std::vector<float> buf;
        std::size_t pos = 0;
    };
    static const int combLengths[6] = {1116, 1188, 1277, 1356, 1491, 1617};
    static const int allPassLengths[2] = {556, 441};
    const double scale = double(sr) / 44100.0 * (0.6 + 0.7 * size);
    Comb combs[2][6];
    AllPass allPasses[2][2];
    for (int c = 0; c < 2; ++c) {
        for (int k = 0; k < 6; ++k)
            combs[c][k].buf.assign(std::size_t(std::max(8.0, (combLengths[k] + 23 * c) * scale)), 0.0f);
        for (int k = 0; k < 2; ++k)
            allPasses[c][k].buf.assign(std::size_t(std::max(8.0, (allPassLengths[k] + 23 * c) * double(sr) / 44100.0)),
                                       0.0f);
    }
    const float feedback = float(0.7 + 0.28 * size);
    const float damp = float(damping);
    const float inputGain = 0.05f;
    const std::int64_t frames = bus.frames();
    for (std::int64_t i = 0; i < frames; ++i) {
        const float in = (bus.l[i] + bus.r[i]) * inputGain;
        float out[2];
        for (int c = 0; c < 2; ++c) {
            float acc = 0.0f;
            for (Comb &comb : combs[c]) {
                const float y = comb.buf[comb.pos];
                comb.store = y * (1.0f - damp) + comb.store * damp;
                comb.buf[comb.pos] = in + comb.store * feedback;
                if (++comb.pos == comb.buf.size())
                    comb.pos = 0;
                acc += y;
            }
            for (AllPass &ap : allPasses[c]) {
                const float b = ap.buf[ap.pos];
                ap.buf[ap.pos] = acc + b * 0.5f;
                acc = b - acc;
                if (++ap.pos == ap.buf.size())
                    ap.pos = 0;
            }
            out[c] = acc;
        }
        bus.l[i] = bus.l[i] * dry + out[0] * wet;
        bus.r[i] = bus.r[i] * dry + out[1] * wet;
    }
}

/// Sidechain "pumping": ducks the bus at every kick and lets it swell back.
void applyPump(Bus &bus, int sr, const std::vector<std::int64_t> &kicks, double depth, double recoverSeconds)
{
    if (kicks.empty())
        return;
    const std::int64_t attack = std::max<std::int64_t>(1, std::int64_t(0.004 * sr));
    const double mul = std::exp(-1.0 / (recoverSeconds * sr));
    std::size_t next = 0;
    std::int64_t since = -1;
    double decay = 0.0;
    for (std::int64_t i = 0; i < bus.frames(); ++i) {
        if (next < kicks.size() && i >= kicks[next]) {
            since = 0;
            decay = 1.0;
            while (next < kicks.size() && kicks[next] <= i)
                ++next;
        }
        double duck = 0.0;
        if (since >= 0) {
            duck = depth * decay * (since < attack ? double(since) / attack : 1.0);
            ++since;
            if (since >= attack)
                decay *= mul;
        }
        const float g = float(1.0 - duck);
        bus.l[i] *= g;
        bus.r[i] *= g;
    }
}

/// Feed-forward, stereo-linked peak compressor.
void applyCompressor(Bus &bus, int sr, float threshold, float ratio, double attackMs, double releaseMs, float makeup)
{
    const float att = onePoleCoeff(1000.0 / (kTwoPi * attackMs), sr);
    const float rel = onePoleCoeff(1000.0 / (kTwoPi * releaseMs), sr);
    const float exponent = 1.0f / ratio - 1.0f;
    float env = 0.0f;
    for (std::int64_t i = 0; i < bus.frames(); ++i) {
        const float x = std::max(std::fabs(bus.l[i]), std::fabs(bus.r[i]));
        env += (x > env ? att : rel) * (x - env);
        const float g = (env > threshold ? std::pow(env / threshold, exponent) : 1.0f) * makeup;
        bus.l[i] *= g;
        bus.r[i] *= g;
    }
}

void applySoftClip(Bus &bus, float drive)
{
    const float norm = 1.0f / softClip(drive);
    for (std::int64_t i = 0; i < bus.frames(); ++i) {
        bus.l[i] = softClip(bus.l[i] * drive) * norm;
        bus.r[i] = softClip(bus.r[i] * drive) * norm;
    }
}

/// First-order DC blocker (high-pass at about hz): pitch-swept kicks and envelopes leave an offset.
void applyDcBlock(Bus &bus, int sr, double hz)
{
    const float pole = float(std::exp(-kTwoPi * hz / sr));
    float xl = 0.0f, yl = 0.0f, xr = 0.0f, yr = 0.0f;
    for (std::int64_t i = 0; i < bus.frames(); ++i) {
        yl = bus.l[i] - xl + pole * yl;
        xl = bus.l[i];
        bus.l[i] = yl;
        yr = bus.r[i] - xr + pole * yr;
        xr = bus.r[i];
        bus.r[i] = yr;
    }
}

void applyLowpass(Bus &bus, int sr, double hz)
{
    const float a = onePoleCoeff(hz, sr);
    OnePole fl, fr;
    for (std::int64_t i = 0; i < bus.frames(); ++i) {
        bus.l[i] = fl.lp(bus.l[i], a);
        bus.r[i] = fr.lp(bus.r[i], a);
    }
}

float busPeak(const Bus &bus)
{
    float peak = 0.0f;
    for (std::int64_t i = 0; i < bus.frames(); ++i)
        peak = std::max({peak, std::fabs(bus.l[i]), std::fabs(bus.r[i])});
    return peak;
}

void normalizePeak(Bus &bus, float target)
{
    const float peak = busPeak(bus);
    if (peak <= 0.0f)
        return;
    const float g = target / peak;
    for (std::int64_t i = 0; i < bus.frames(); ++i) {
        bus.l[i] *= g;
        bus.r[i] *= g;
    }
}

void applyFadeInOut(Bus &bus, int sr, double inSeconds, double outSeconds)
{
    const std::int64_t frames = bus.frames();
    const std::int64_t fin = std::min<std::int64_t>(std::int64_t(inSeconds * sr), frames / 3);
    const std::int64_t fout = std::min<std::int64_t>(std::int64_t(outSeconds * sr), frames / 3);
    for (std::int64_t i = 0; i < fin; ++i) {
        const float g = float(0.5 - 0.5 * std::cos(kPi * double(i) / double(fin)));
        bus.l[i] *= g;
        bus.r[i] *= g;
    }
    for (std::int64_t i = 0; i < fout; ++i) {
        const float g = float(0.5 - 0.5 * std::cos(kPi * double(i) / double(fout)));
        bus.l[frames - 1 - i] *= g;
        bus.r[frames - 1 - i] *= g;
    }
}

// ------------------------------------------------------------------------------------------------
// Styles

struct Rendered {
    Bus mix;
    float peak = 0.9f;      ///< normalisation target
    double fadeIn = 0.02;   ///< seconds
    double fadeOut = 1.5;   ///< seconds
};

std::int64_t jitter(Rng &rng, int sr, double seconds)
{
    return std::llround(uniform(rng, -seconds, seconds) * sr);
}

Rendered renderAmbient(Rng &rng, int sr, std::int64_t frames)
{
    Song song;
    song.sampleRate = sr;
    song.frames = frames;
    song.bpm = uniform(rng, 60.0, 70.0);
    song.key = pick(rng, 12);
    song.minor = chance(rng, 0.4);
    song.progression = song.minor ? pickProgression(rng, {{0, 5, 2, 6}, {0, 3, 0, 6}, {0, 6, 5, 6}, {0, 2, 3, 3}})
                                  : pickProgression(rng, {{0, 5, 3, 4}, {0, 3, 0, 4}, {3, 0, 4, 5}, {0, 2, 3, 3}, {0, 4, 5, 3}});
    song.beatsPerChord = chance(rng, 0.5) ? 8 : 6;

    PadSound pad;
    pad.attack = uniform(rng, 1.6, 3.2);
    pad.release = uniform(rng, 2.5, 4.5);
    pad.detuneCents = uniform(rng, 5.0, 13.0);
    pad.cutoffHz = uniform(rng, 500.0, 1300.0);
    pad.triangle = chance(rng, 0.4);
    const bool addNinth = chance(rng, 0.6);
    const double bellRate = uniform(rng, 0.12, 0.35);
    const double bellRatio = chance(rng, 0.5) ? 2.0 : 3.5;
    const int padOctave = chance(rng, 0.5) ? 48 : 55;

    Bus music(frames);
    const double chordBeats = song.beatsPerChord;
    const std::int64_t chordLen = song.frameAt(chordBeats);
    for (double beat = 0.0; song.frameAt(beat) < frames; beat += chordBeats) {
        const int degree = song.chordAt(beat);
        std::vector<int> notes = song.chord(degree, 3, 0);
        if (addNinth)
            notes.push_back(song.note(degree + 8, 0));
        else
            notes.push_back(song.note(degree + 6, 0));
        const std::int64_t start = song.frameAt(beat);
        for (std::size_t k = 0; k < notes.size(); ++k) {
            const int midi = fold(notes[k], padOctave + int(k) * 3);
            addPad(music, sr, start + std::int64_t(k) * std::int64_t(0.15 * sr), chordLen, midi, 0.09f, pad,
                   rng.uniform());
        }
        // Drone bass on the chord root.
        PadSound drone = pad;
        drone.triangle = true;
        drone.cutoffHz = 300.0;
        addPad(music, sr, start, chordLen, fold(song.note(degree, 0), 36), 0.12f, drone, rng.uniform());
    }
    // Sparse shimmering bells from the pentatonic scale.
    static const int majorPentatonic[5] = {0, 1, 2, 4, 5};
    static const int minorPentatonic[5] = {0, 2, 3, 4, 6};
    for (double beat = 0.5; song.frameAt(beat) < frames; beat += 1.0) {
        if (!chance(rng, bellRate))
            continue;
        const int degree = (song.minor ? minorPentatonic : majorPentatonic)[pick(rng, 5)];
        const int midi = fold(song.note(degree, 0), chance(rng, 0.5) ? 72 : 79);
        addBell(music, sr, song.frameAt(beat + uniform(rng, -0.2, 0.2)), midi, float(uniform(rng, 0.04, 0.1)),
                uniform(rng, -0.8, 0.8), uniform(rng, 1.5, 3.0), bellRatio, 0.05);
    }
    applyReverb(music, sr, 0.95, 0.45, 0.9f, 0.55f);

    // Slow swell of the whole texture.
    const double period = uniform(rng, 14.0, 26.0);
    const double offset = rng.uniform();
    for (std::int64_t i = 0; i < frames; ++i) {
        const float g = float(0.65 + 0.35 * sine()(double(i) / sr / period + offset));
        music.l[i] *= g;
        music.r[i] *= g;
    }
    Rendered out{std::move(music)};
    out.peak = float(uniform(rng, 0.3, 0.4));
    out.fadeIn = uniform(rng, 2.0, 4.0);
    out.fadeOut = uniform(rng, 3.0, 5.0);
    return out;
}

Rendered renderTechno(Rng &rng, int sr, std::int64_t frames)
{
    Song song;
    song.sampleRate = sr;
    song.frames = frames;
    song.bpm = uniform(rng, 124.0, 130.0);
    song.key = pick(rng, 12);
    song.minor = true;
    song.progression = pickProgression(rng, {{0}, {0, 5}, {0, 6}, {0, 3}, {0, 0, 5, 6}});
    song.beatsPerChord = chance(rng, 0.5) ? 8 : 16;
    Noise noise(rng.next());

    KickSound kick;
    kick.startHz = uniform(rng, 140.0, 190.0);
    kick.endHz = uniform(rng, 44.0, 54.0);
    kick.ampTau = uniform(rng, 0.16, 0.26);
    kick.drive = uniform(rng, 1.2, 2.2);
    kick.click = 0.25;
    const bool sixteenthHats = chance(rng, 0.5);
    const bool clap = chance(rng, 0.75);
    const bool rollingBass = chance(rng, 0.5);
    const int bassOctaveLo = chance(rng, 0.5) ? 33 : 38;
    AcidSound acid;
    acid.cutoffHz = uniform(rng, 160.0, 380.0);
    acid.envHz = uniform(rng, 700.0, 2400.0);
    acid.envTau = uniform(rng, 0.05, 0.12);
    acid.damping = float(uniform(rng, 0.2, 0.55));
    const double sweepPeriodBars = 8.0 * (1 + pick(rng, 2));
    // One-bar stab rhythm on the 16th grid, fixed for the track.
    std::vector<int> stabSteps;
    for (int s = 0; s < 16; ++s)
        if (s % 4 != 0 && chance(rng, 0.22))
            stabSteps.push_back(s);
    if (stabSteps.empty())
        stabSteps.push_back(3 + 4 * pick(rng, 3));
    const double stabCutoff = uniform(rng, 1200.0, 3000.0);
    const double pumpDepth = uniform(rng, 0.55, 0.8);

    Bus drums(frames);
    Bus music(frames);
    std::vector<std::int64_t> kicks;
    const int bars = song.bars();
    for (int bar = 0; bar < bars; ++bar) {
        const bool breakdown = bar % 16 == 15;
        for (int beat = 0; beat < 4; ++beat) {
            const double b = bar * 4.0 + beat;
            if (!breakdown) {
                addKick(drums, sr, song.frameAt(b), 1.0f, kick, noise);
                kicks.push_back(song.frameAt(b));
            }
            if (clap && (beat == 1 || beat == 3))
                addClap(drums, sr, song.frameAt(b), 0.35f, 0.1, noise);
            addHat(drums, sr, song.frameAt(b + 0.5), 0.55f, 0.25, 0.11, 7000.0, noise);
            if (sixteenthHats) {
                for (int s = 1; s < 4; s += 2)
                    addHat(drums, sr, song.frameAt(b + s * 0.25), s == 1 ? 0.24f : 0.3f, -0.3, 0.025, 8000.0, noise);
            }
        }
        // Bass.
        const double barBeat = bar * 4.0;
        const double sweep = 0.5 + 0.5 * sine()(bar / sweepPeriodBars);
        AcidSound a = acid;
        a.envHz = acid.envHz * (0.4 + 0.9 * sweep);
        const int root = fold(song.note(song.chordAt(barBeat), 0), bassOctaveLo);
        if (rollingBass) {
            for (int s = 0; s < 16; ++s) {
                if (s % 4 == 0)
                    continue;
                const int midi = root + ((s % 4 == 3 && bar % 2 == 1) ? 12 : 0);
                addAcidBass(music, sr, song.frameAt(barBeat + s * 0.25), song.frameAt(0.18), midi, 0.5f, a);
            }
        } else {
            for (int beat = 0; beat < 4; ++beat)
                addAcidBass(music, sr, song.frameAt(barBeat + beat + 0.5), song.frameAt(0.35), root, 0.55f, a);
        }
        // Chord stabs.
        const std::vector<int> chord = song.chord(song.chordAt(barBeat), 4, 0);
        PadSound stab;
        stab.attack = 0.004;
        stab.release = 0.08;
        stab.cutoffHz = stabCutoff * (0.6 + 0.6 * sweep);
        stab.detuneCents = 12.0;
        for (const int s : stabSteps) {
            for (std::size_t k = 0; k < chord.size(); ++k)
                addPad(music, sr, song.frameAt(barBeat + s * 0.25), song.frameAt(0.12), fold(chord[k], 57 + int(k) * 2),
                       0.1f, stab, 0.3 * k);
        }
    }
    applyReverb(music, sr, 0.5, 0.5, 0.25f, 1.0f);
    applyPump(music, sr, kicks, pumpDepth, 0.28 * song.beatSeconds());
    drums.add(music, 1.0f);
    normalizePeak(drums, 1.0f);
    applySoftClip(drums, 1.3f);
    Rendered out{std::move(drums)};
    out.peak = 0.9f;
    out.fadeIn = 0.01;
    out.fadeOut = 1.5;
    return out;
}

Rendered renderRock(Rng &rng, int sr, std::int64_t frames)
{
    Song song;
    song.sampleRate = sr;
    song.frames = frames;
    song.bpm = uniform(rng, 110.0, 140.0);
    song.key = pick(rng, 12);
    song.minor = chance(rng, 0.5);
    song.progression = song.minor ? pickProgression(rng, {{0, 5, 2, 6}, {0, 6, 5, 6}, {0, 3, 6, 0}, {0, 2, 6, 3}})
                                  : pickProgression(rng, {{0, 4, 5, 3}, {0, 3, 4, 3}, {0, 5, 3, 4}, {0, 3, 0, 4}});
    song.beatsPerChord = chance(rng, 0.6) ? 4 : 8;
    Noise noise(rng.next());

    KickSound kick;
    kick.startHz = uniform(rng, 110.0, 140.0);
    kick.endHz = uniform(rng, 52.0, 62.0);
    kick.ampTau = uniform(rng, 0.09, 0.14);
    kick.click = 0.5;
    kick.drive = 1.5;
    SnareSound snare;
    snare.toneHz = uniform(rng, 170.0, 220.0);
    snare.noiseTau = uniform(rng, 0.14, 0.22);
    snare.toneMix = 0.7;
    const double drive = uniform(rng, 5.0, 9.0);
    const double cab = uniform(rng, 3000.0, 4500.0);
    const int guitarLo = chance(rng, 0.5) ? 40 : 45;
    const bool verseFirst = chance(rng, 0.6);
    const int sectionBars = 4;
    const bool kickOnAnd = chance(rng, 0.5);

    Bus drums(frames);
    Bus music(frames);
    const int bars = song.bars();
    for (int bar = 0; bar < bars; ++bar) {
        const bool chorus = ((bar / sectionBars) % 2 == 0) != verseFirst;
        const double barBeat = bar * 4.0;
        if (bar % sectionBars == 0 && (chorus || bar == 0))
            addCymbal(drums, sr, song.frameAt(barBeat), 0.45f, -0.4, 1.2, 470.0, 0.6, noise);
        for (int beat = 0; beat < 4; ++beat) {
            const double b = barBeat + beat;
            if (beat == 0 || beat == 2)
                addKick(drums, sr, song.frameAt(b) + jitter(rng, sr, 0.004), 1.0f, kick, noise);
            if (kickOnAnd && beat == 2)
                addKick(drums, sr, song.frameAt(b + 0.5), 0.8f, kick, noise);
            if (beat == 1 || beat == 3)
                addSnare(drums, sr, song.frameAt(b) + jitter(rng, sr, 0.004), float(uniform(rng, 0.85, 1.0)), 0.05,
                         snare, noise);
            for (int e = 0; e < 2; ++e) {
                const std::int64_t t = song.frameAt(b + 0.5 * e) + jitter(rng, sr, 0.005);
                if (chorus)
                    addCymbal(drums, sr, t, e == 0 ? 0.22f : 0.15f, 0.45, 0.35, 520.0, 0.4, noise);
                else
                    addHat(drums, sr, t, e == 0 ? 0.3f : 0.2f, 0.35, 0.045, 6500.0, noise);
            }
        }
        if (bar % sectionBars == sectionBars - 1) {
            // Fill: snare 16ths on the last beat.
            for (int s = 0; s < 4; ++s)
                addSnare(drums, sr, song.frameAt(barBeat + 3.0 + 0.25 * s), 0.5f + 0.12f * s, -0.2 + 0.15 * s, snare,
                         noise);
        }

        const int degree = song.chordAt(barBeat);
        const int root = fold(song.note(degree, 0), guitarLo);
        if (chorus) {
            addPowerChord(music, sr, song.frameAt(barBeat), song.frameAt(2.0) - std::int64_t(0.02 * sr), root, 0.5f,
                          false, drive, 6.0, cab);
            addPowerChord(music, sr, song.frameAt(barBeat + 2.0), song.frameAt(2.0) - std::int64_t(0.02 * sr), root,
                          0.5f, false, drive, 6.0, cab);
        } else {
            for (int e = 0; e < 8; ++e)
                addPowerChord(music, sr, song.frameAt(barBeat + 0.5 * e), song.frameAt(0.45), root, 0.55f, true, drive,
                              5.0, cab);
        }
        const int bassRoot = fold(song.note(degree, 0), 28);
        for (int e = 0; e < 8; ++e)
            addRockBass(music, sr, song.frameAt(barBeat + 0.5 * e), song.frameAt(0.42), bassRoot, 0.45f);
    }
    drums.add(music, 1.0f);
    applyReverb(drums, sr, 0.3, 0.6, 0.12f, 1.0f);
    normalizePeak(drums, 1.0f);
    applyCompressor(drums, sr, 0.2f, 5.0f, 3.0, 90.0, 2.2f);
    applySoftClip(drums, 2.0f);
    Rendered out{std::move(drums)};
    out.peak = 0.93f;
    out.fadeIn = 0.01;
    out.fadeOut = 1.5;
    return out;
}

Rendered renderJazz(Rng &rng, int sr, std::int64_t frames)
{
    Song song;
    song.sampleRate = sr;
    song.frames = frames;
    song.bpm = uniform(rng, 140.0, 180.0);
    song.key = pick(rng, 12);
    song.minor = false;
    song.progression = pickProgression(rng, {{1, 4, 0, 5}, {0, 5, 1, 4}, {2, 5, 1, 4}, {1, 4, 0, 0}, {0, 3, 1, 4}});
    song.beatsPerChord = 4;
    Noise noise(rng.next());
    const double swing = uniform(rng, 0.6, 0.68);
    const double rideHz = uniform(rng, 380.0, 520.0);
    EPianoSound piano;
    piano.brightness = uniform(rng, 0.7, 1.2);
    piano.decay = uniform(rng, 1.2, 2.0);
    piano.tremoloDepth = uniform(rng, 0.0, 0.25);
    piano.lowpassHz = uniform(rng, 3500.0, 6000.0);
    const double phraseBars = 4.0;
    const double dynamicsOffset = rng.uniform();

    auto swung = [&](double eighth) {
        const double beat = std::floor(eighth / 2.0);
        return beat + ((int(eighth) % 2) ? swing : 0.0);
    };

    Bus drums(frames);
    Bus music(frames);
    const int bars = song.bars();
    for (int bar = 0; bar < bars; ++bar) {
        const double barBeat = bar * 4.0;
        // Phrase-level dynamics: swells and drops over four bars.
        const float dyn = float(0.45 + 0.55 * (0.5 + 0.5 * sine()(bar / phraseBars / 2.0 + dynamicsOffset)));
        // Ride: ding, ding-ga, ding, ding-ga.
        for (int beat = 0; beat < 4; ++beat) {
            const double b = barBeat + beat;
            addCymbal(drums, sr, song.frameAt(b) + jitter(rng, sr, 0.006), (beat % 2 ? 0.38f : 0.3f) * dyn, 0.35, 0.7,
                      rideHz, 0.25, noise);
            if (beat % 2 == 1)
                addCymbal(drums, sr, song.frameAt(b + swing) + jitter(rng, sr, 0.006), 0.2f * dyn, 0.35, 0.5,
                          rideHz, 0.25, noise);
            if (beat % 2 == 1)
                addHat(drums, sr, song.frameAt(b), 0.1f, -0.3, 0.03, 4000.0, noise);
            if (chance(rng, 0.35)) {
                KickSound feather;
                feather.ampTau = 0.15;
                feather.click = 0.05;
                addKick(drums, sr, song.frameAt(b), 0.18f * dyn, feather, noise);
            }
        }
        SnareSound brush;
        brush.toneMix = 0.2;
        brush.noiseTau = 0.09;
        brush.hpHz = 1500.0;
        for (int e = 0; e < 8; ++e) {
            if (chance(rng, 0.14))
                addSnare(drums, sr, song.frameAt(barBeat + swung(e)) + jitter(rng, sr, 0.008),
                         float(uniform(rng, 0.12, 0.4)) * dyn, -0.15, brush, noise);
        }

        // Walking bass.
        const int degree = song.chordAt(barBeat);
        const int nextDegree = song.chordAt(barBeat + 4.0);
        const int root = fold(song.note(degree, 0), 36);
        const int target = fold(song.note(nextDegree, 0), 36);
        int line[4];
        line[0] = root;
        line[1] = fold(song.note(degree + (chance(rng, 0.5) ? 2 : 1), 0), root);
        line[2] = fold(song.note(degree + (chance(rng, 0.6) ? 4 : 3), 0), root);
        if (chance(rng, 0.6))
            line[3] = target + (chance(rng, 0.5) ? 1 : -1);
        else
            line[3] = fold(song.note(nextDegree + (chance(rng, 0.5) ? 1 : -1), 0), target - 6);
        for (int beat = 0; beat < 4; ++beat)
            addUpright(music, sr, song.frameAt(barBeat + beat) + jitter(rng, sr, 0.006), song.frameAt(0.92),
                       line[beat], float(uniform(rng, 0.75, 1.0)) * (0.7f + 0.3f * dyn), noise);

        // Comping: rootless voicings (3-5-7-9) on syncopated swung eighths.
        static const std::vector<std::vector<int>> rhythms = {{0, 3}, {1, 4}, {3, 6}, {0, 5}, {2, 7}, {3}, {1, 6}};
        const std::vector<int> &rhythm = rhythms[std::size_t(pick(rng, int(rhythms.size())))];
        std::vector<int> voicing;
        for (int k = 1; k <= 4; ++k)
            voicing.push_back(fold(song.note(degree + 2 * k, 0), 52 + (k - 1) * 3));
        std::sort(voicing.begin(), voicing.end());
        for (const int e : rhythm) {
            const double len = uniform(rng, 0.35, 1.6);
            const float vel = float(uniform(rng, 0.4, 0.85)) * dyn;
            const std::int64_t start = song.frameAt(barBeat + swung(e));
            for (std::size_t k = 0; k < voicing.size(); ++k)
                addEPiano(music, sr, start + std::int64_t(k) * std::int64_t(0.004 * sr), song.frameAt(len),
                          voicing[k], vel * 0.6f, -0.2 + 0.15 * double(k), piano);
        }
    }
    drums.add(music, 1.0f);
    applyReverb(drums, sr, 0.45, 0.5, 0.22f, 1.0f);
    Rendered out{std::move(drums)};
    out.peak = float(uniform(rng, 0.78, 0.86));
    out.fadeIn = 0.01;
    out.fadeOut = 2.0;
    return out;
}

Rendered renderHipHop(Rng &rng, int sr, std::int64_t frames)
{
    Song song;
    song.sampleRate = sr;
    song.frames = frames;
    song.bpm = uniform(rng, 85.0, 95.0);
    song.key = pick(rng, 12);
    song.minor = true;
    song.progression = pickProgression(rng, {{0, 3}, {0, 5}, {0, 6, 5, 6}, {0, 0, 3, 4}, {0, 5, 3, 4}});
    song.beatsPerChord = chance(rng, 0.5) ? 4 : 8;
    Noise noise(rng.next());
    const double swing = uniform(rng, 0.54, 0.62);
    static const std::vector<std::vector<int>> kickPatterns = {{0, 10}, {0, 7, 10}, {0, 3, 8, 10}, {0, 6, 10, 11},
                                                               {0, 2, 7, 10}};
    const std::vector<int> kickSteps = kickPatterns[std::size_t(pick(rng, int(kickPatterns.size())))];
    KickSound kick;
    kick.startHz = uniform(rng, 100.0, 130.0);
    kick.endHz = uniform(rng, 42.0, 50.0);
    kick.ampTau = uniform(rng, 0.22, 0.35);
    kick.drive = uniform(rng, 1.8, 3.0);
    kick.click = 0.15;
    SnareSound snare;
    snare.toneHz = uniform(rng, 180.0, 230.0);
    snare.noiseTau = uniform(rng, 0.15, 0.22);
    snare.lpHz = 6000.0;
    snare.toneMix = 0.8;
    const bool clapLayer = chance(rng, 0.5);
    const bool sixteenthHats = chance(rng, 0.4);
    EPianoSound keys;
    keys.brightness = uniform(rng, 0.5, 0.9);
    keys.decay = uniform(rng, 1.8, 3.0);
    keys.tremoloDepth = uniform(rng, 0.15, 0.35);
    keys.tremoloHz = uniform(rng, 3.0, 5.0);
    keys.lowpassHz = uniform(rng, 1800.0, 3200.0);
    const bool melody = chance(rng, 0.6);
    static const std::vector<std::vector<int>> chordRhythms = {{0}, {0, 10}, {0, 6}, {2, 10}, {0, 11}};
    const std::vector<int> chordSteps = chordRhythms[std::size_t(pick(rng, int(chordRhythms.size())))];
    const double subDrive = uniform(rng, 1.5, 2.8);

    auto stepBeat = [&](int step) { return step * 0.25 + ((step % 2) ? (swing - 0.5) * 0.5 : 0.0); };

    Bus drums(frames);
    Bus music(frames);
    const int bars = song.bars();
    for (int bar = 0; bar < bars; ++bar) {
        const double barBeat = bar * 4.0;
        const int degree = song.chordAt(barBeat);
        const int subRoot = fold(song.note(degree, 0), 31);
        for (std::size_t k = 0; k < kickSteps.size(); ++k) {
            const int step = kickSteps[k];
            if (bar % 4 == 3 && step >= 12)
                continue;
            addKick(drums, sr, song.frameAt(barBeat + stepBeat(step)) + jitter(rng, sr, 0.003), 1.0f, kick, noise);
            const int nextStep = k + 1 < kickSteps.size() ? kickSteps[k + 1] : 16;
            addSubBass(music, sr, song.frameAt(barBeat + stepBeat(step)),
                       song.frameAt((nextStep - step) * 0.25) - std::int64_t(0.02 * sr),
                       subRoot + (k == 2 && chance(rng, 0.3) ? 7 : 0), 0.5f, 5.0, subDrive, 0.7);
        }
        for (const int step : {4, 12}) {
            const std::int64_t t = song.frameAt(barBeat + stepBeat(step)) + jitter(rng, sr, 0.004);
            addSnare(drums, sr, t, 1.1f, 0.0, snare, noise);
            if (clapLayer)
                addClap(drums, sr, t, 0.3f, 0.15, noise);
        }
        if (chance(rng, 0.3))
            addSnare(drums, sr, song.frameAt(barBeat + stepBeat(15)), 0.25f, 0.1, snare, noise);
        for (int step = 0; step < 16; ++step) {
            if (step % 2 == 1 && !(sixteenthHats && chance(rng, 0.5)))
                continue;
            const float vel = step % 4 == 0 ? 0.3f : (step % 2 == 0 ? 0.2f : 0.12f);
            addHat(drums, sr, song.frameAt(barBeat + stepBeat(step)) + jitter(rng, sr, 0.004),
                   vel * float(uniform(rng, 0.8, 1.1)), 0.3, 0.035, 6000.0, noise);
        }
        // Sparse minor-seventh chords.
        const std::vector<int> chord = song.chord(degree, 4, 0);
        for (const int step : chordSteps) {
            const double len = step == 0 ? uniform(rng, 1.5, 3.0) : uniform(rng, 0.5, 1.2);
            for (std::size_t k = 0; k < chord.size(); ++k)
                addEPiano(music, sr, song.frameAt(barBeat + stepBeat(step)) + std::int64_t(k) * std::int64_t(0.006 * sr),
                          song.frameAt(len), fold(chord[k], 55 + int(k) * 2), 0.22f, -0.25 + 0.17 * double(k), keys);
        }
        if (melody && bar % 2 == 1) {
            static const int minorPentatonic[5] = {0, 2, 3, 4, 6};
            for (int n = 0; n < 3; ++n) {
                if (!chance(rng, 0.6))
                    continue;
                const int step = 2 * pick(rng, 8);
                addBell(music, sr, song.frameAt(barBeat + stepBeat(step)),
                        fold(song.note(minorPentatonic[pick(rng, 5)], 0), 72), 0.08f, uniform(rng, -0.5, 0.5), 0.5,
                        2.0, 0.004);
            }
        }
    }
    // Lo-fi: vinyl crackle and hiss, dulled top end.
    {
        Noise crackle(rng.next());
        const float hiss = 0.004f;
        for (std::int64_t i = 0; i < frames; ++i) {
            const float n = crackle.next();
            float v = hiss * n;
            if (std::fabs(n) > 0.99985f)
                v += (n > 0 ? 0.12f : -0.12f);
            music.l[i] += v;
            music.r[i] += v * 0.8f;
        }
    }
    applyReverb(music, sr, 0.4, 0.6, 0.18f, 1.0f);
    drums.add(music, 1.0f);
    applyLowpass(drums, sr, uniform(rng, 6000.0, 9000.0));
    normalizePeak(drums, 1.0f);
    applyCompressor(drums, sr, 0.3f, 3.0f, 8.0, 120.0, 1.6f);
    Rendered out{std::move(drums)};
    out.peak = 0.9f;
    out.fadeIn = 0.01;
    out.fadeOut = 2.0;
    return out;
}

Rendered renderChiptune(Rng &rng, int sr, std::int64_t frames)
{
    Song song;
    song.sampleRate = sr;
    song.frames = frames;
    song.bpm = uniform(rng, 140.0, 165.0);
    song.key = pick(rng, 12);
    song.minor = chance(rng, 0.3);
    song.progression = song.minor ? pickProgression(rng, {{0, 5, 2, 6}, {0, 3, 4, 4}, {0, 6, 5, 6}})
                                  : pickProgression(rng, {{0, 4, 5, 3}, {0, 5, 3, 4}, {0, 3, 4, 4}, {5, 3, 0, 4}});
    song.beatsPerChord = 4;
    std::uint32_t lfsr = std::uint32_t(rng.next() & 0x7FFF) | 1u;
    const double arpDuty = chance(rng, 0.5) ? 0.25 : 0.125;
    const double arpStep = chance(rng, 0.5) ? 0.25 : 0.125; // 16ths or 32nds
    const bool arpUpDown = chance(rng, 0.5);
    const double leadDuty = chance(rng, 0.6) ? 0.5 : 0.25;
    const bool octaveBass = chance(rng, 0.5);

    // Two-bar melody phrases: rhythm and contour fixed, pitches realised against each chord.
    struct PhraseNote {
        int eighth;
        int length;
        int step;
    };
    auto makePhrase = [&rng]() {
        std::vector<PhraseNote> notes;
        int e = 0;
        while (e < 16) {
            const int len = 1 + pick(rng, 3) + (chance(rng, 0.2) ? 2 : 0);
            if (chance(rng, 0.82))
                notes.push_back({e, std::min(len, 16 - e), pick(rng, 5) - 2});
            e += len;
        }
        return notes;
    };
    const std::vector<PhraseNote> phraseA = makePhrase();
    const std::vector<PhraseNote> phraseB = makePhrase();

    Bus bus(frames);
    const int bars = song.bars();
    int leadDegree = 7;
    for (int bar = 0; bar < bars; ++bar) {
        const double barBeat = bar * 4.0;
        const int degree = song.chordAt(barBeat);
        const std::vector<int> chord = song.chord(degree, 3, 0);
        // Arpeggio.
        const int steps = int(4.0 / arpStep);
        for (int s = 0; s < steps; ++s) {
            int idx = s % 3;
            if (arpUpDown) {
                static const int upDown[4] = {0, 1, 2, 1};
                idx = upDown[s % 4];
            }
            const int midi = fold(chord[std::size_t(idx)], 60 + idx * 4);
            addSquare(bus, sr, song.frameAt(barBeat + s * arpStep), song.frameAt(arpStep * 0.9), midi, arpDuty, 0.11f,
                      -0.3, 0.0, 1.5);
        }
        // Bass.
        const int root = fold(song.note(degree, 0), 45);
        for (int e = 0; e < 8; ++e) {
            const int midi = root + (e % 2 == 1 ? (octaveBass ? 12 : 7) : 0);
            addTriangleBass(bus, sr, song.frameAt(barBeat + 0.5 * e), song.frameAt(0.45), midi, 0.35f);
        }
        // Lead (A A B A over eight bars).
        const int phraseIndex = (bar / 2) % 4;
        const std::vector<PhraseNote> &phrase = phraseIndex == 2 ? phraseB : phraseA;
        const int half = bar % 2;
        for (const PhraseNote &note : phrase) {
            if (note.eighth / 8 != half)
                continue;
            leadDegree += note.step;
            if (note.eighth % 4 == 0) {
                // Snap strong beats to the nearest chord tone.
                int best = leadDegree;
                int bestDistance = 99;
                for (int c = 0; c < 3; ++c) {
                    for (int octave = 0; octave <= 2; ++octave) {
                        const int candidate = degree + 2 * c + 7 * octave;
                        if (std::abs(candidate - leadDegree) < bestDistance) {
                            bestDistance = std::abs(candidate - leadDegree);
                            best = candidate;
                        }
                    }
                }
                leadDegree = best;
            }
            leadDegree = std::clamp(leadDegree, 4, 13);
            const double start = barBeat + 0.5 * (note.eighth % 8);
            addSquare(bus, sr, song.frameAt(start), song.frameAt(0.5 * note.length * 0.92), song.note(leadDegree, 60),
                      leadDuty, 0.16f, 0.2, note.length >= 3 ? 0.35 : 0.0, 0.4);
        }
        // Drums.
        for (int beat = 0; beat < 4; ++beat) {
            const double b = barBeat + beat;
            if (beat == 0 || beat == 2 || (beat == 3 && bar % 2 == 1))
                addChipKick(bus, sr, song.frameAt(b), 0.5f);
            if (beat == 1 || beat == 3)
                addChipNoise(bus, sr, song.frameAt(b), 0.22f, 0.0, 0.09, 9000.0, lfsr);
            addChipNoise(bus, sr, song.frameAt(b + 0.5), 0.08f, 0.3, 0.02, 20000.0, lfsr);
        }
    }
    Rendered out{std::move(bus)};
    out.peak = 0.8f;
    out.fadeIn = 0.005;
    out.fadeOut = 1.0;
    return out;
}

struct StyleInfo {
    const char *name;
    const char *display;
    Rendered (*render)(Rng &, int, std::int64_t);
    const char *artists[3];
    const char *adjectives[10];
    const char *nouns[10];
};

const StyleInfo kStyles[] = {
    {"ambient", "Ambient", renderAmbient,
     {"Lumen Drift", "Halden Shore", "The Quiet Atlas"},
     {"Slow", "Pale", "Distant", "Hollow", "Drifting", "Glass", "Silver", "Faded", "Northern", "Still"},
     {"Tide", "Horizon", "Lantern", "Meadow", "Orbit", "Harbour", "Frost", "Cloudbank", "Reverie", "Shoreline"}},
    {"techno", "Techno", renderTechno,
     {"Kinetik Unit", "Pulse Foundry", "Nightshift Relay"},
     {"Steel", "Binary", "Concrete", "Neon", "Hard", "Electric", "Vector", "Chrome", "Midnight", "Axial"},
     {"Circuit", "Engine", "Tunnel", "Pressure", "Signal", "Warehouse", "Loop", "Voltage", "Grid", "Motion"}},
    {"rock", "Rock", renderRock,
     {"The Rust Valves", "Gravel Saints", "Copperhead Radio"},
     {"Broken", "Loud", "Burning", "Restless", "Crooked", "Wild", "Empty", "Rolling", "Reckless", "Red"},
     {"Highway", "Engine", "Heart", "Town", "Rebel", "Thunder", "Radio", "Canyon", "Fever", "Garage"}},
    {"jazz", "Jazz", renderJazz,
     {"Theo Okafor Trio", "The Blue Ledger Quartet", "Ida Marsh Ensemble"},
     {"Blue", "Late", "Velvet", "Smoky", "Autumn", "Uptown", "Lazy", "Midnight", "Crooked", "Sunday"},
     {"Avenue", "Waltz", "Corner", "Lounge", "Serenade", "Rooftop", "Nocturne", "Bounce", "Shuffle", "Stroll"}},
    {"hiphop", "Hip-hop", renderHipHop,
     {"Lowlight Collective", "MC Dustjacket", "Bodega Tapes"},
     {"Dusty", "Concrete", "Golden", "Late", "Cold", "Faded", "Boombox", "Corner", "Rainy", "Basement"},
     {"Crates", "Blocks", "Tapes", "Streets", "Window", "Cipher", "Memories", "Stoop", "Static", "Radio"}},
    {"chiptune", "Chiptune", renderChiptune,
     {"8-Bit Orchard", "Pixel Hertz", "Cartridge Club"},
     {"Pixel", "Turbo", "Hyper", "Crystal", "Mega", "Super", "Tiny", "Lunar", "Bonus", "Power"},
     {"Quest", "Dungeon", "Castle", "Rocket", "Level", "Jump", "Boss", "Island", "Coin", "Runner"}},
};
constexpr int kStyleCount = int(sizeof kStyles / sizeof kStyles[0]);

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b)
{
    std::uint64_t x = seed ^ (0x9E3779B97F4A7C15ull * (a + 1)) ^ (0xC2B2AE3D27D4EB4Full * (b + 1));
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

struct Job {
    int style = 0;
    int index = 0; ///< 0-based within the style
    DemoTrack track;
    std::int64_t frames = 0;
    std::uint64_t synthSeed = 0;
};

AudioBuffer synthesize(const Job &job, int sampleRate)
{
    Rng rng(job.synthSeed);
    Rendered rendered = kStyles[job.style].render(rng, sampleRate, job.frames);
    applyDcBlock(rendered.mix, sampleRate, 15.0);
    applyFadeInOut(rendered.mix, sampleRate, rendered.fadeIn, rendered.fadeOut);
    normalizePeak(rendered.mix, rendered.peak);
    AudioBuffer buffer;
    buffer.sampleRate = sampleRate;
    buffer.channels = 2;
    buffer.samples.resize(std::size_t(job.frames) * 2);
    for (std::int64_t i = 0; i < job.frames; ++i) {
        buffer.samples[std::size_t(2 * i)] = std::clamp(rendered.mix.l[std::size_t(i)], -1.0f, 1.0f);
        buffer.samples[std::size_t(2 * i + 1)] = std::clamp(rendered.mix.r[std::size_t(i)], -1.0f, 1.0f);
    }
    return buffer;
}

std::string csvField(const std::string &value)
{
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::vector<Job> planJobs(const DemoLibraryOptions &options)
{
    double minSeconds = std::max(1.0, std::min(options.minDurationSeconds, options.maxDurationSeconds));
    double maxSeconds = std::max(minSeconds, std::max(options.minDurationSeconds, options.maxDurationSeconds));
    std::vector<Job> jobs;
    for (int style = 0; style < kStyleCount; ++style) {
        const StyleInfo &info = kStyles[style];
        // Unique adjective/noun titles within a style.
        std::vector<int> combos(100);
        for (int i = 0; i < 100; ++i)
            combos[std::size_t(i)] = i;
        Rng titleRng(mixSeed(options.seed, std::uint64_t(style), 0xFFFFFFFFull));
        titleRng.shuffle(combos);
        for (int index = 0; index < options.tracksPerStyle; ++index) {
            Job job;
            job.style = style;
            job.index = index;
            Rng rng(mixSeed(options.seed, std::uint64_t(style), std::uint64_t(index)));
            const double seconds = minSeconds + (maxSeconds - minSeconds) * rng.uniform();
            job.frames = std::max<std::int64_t>(1, std::llround(seconds * options.sampleRate));
            job.synthSeed = rng.next();
            const int combo = combos[std::size_t(index % 100)];
            std::string title = std::string(info.adjectives[combo / 10]) + " " + info.nouns[combo % 10];
            if (index >= 100)
                title += " " + std::to_string(index / 100 + 1);
            char name[64];
            std::snprintf(name, sizeof name, "%s-%02d.flac", info.name, index + 1);
            job.track.relativePath = std::string(info.name) + "/" + name;
            job.track.genre = info.name;
            job.track.title = title;
            job.track.artist = info.artists[pick(rng, 3)];
            job.track.durationSeconds = double(job.frames) / options.sampleRate;
            jobs.push_back(std::move(job));
        }
    }
    return jobs;
}

} // namespace

const std::vector<std::string> &demoStyles()
{
    static const std::vector<std::string> styles = [] {
        std::vector<std::string> names;
        for (const StyleInfo &info : kStyles)
            names.emplace_back(info.name);
        return names;
    }();
    return styles;
}

std::vector<DemoTrack> generateDemoLibrary(const std::string &folder, const DemoLibraryOptions &options,
                                           const std::function<bool(int, int)> &progress)
{
    if (options.sampleRate < 8000 || options.sampleRate > 192000)
        throw AudioError(folder, "invalid sample rate " + std::to_string(options.sampleRate) + " Hz for the demo library");
    const std::vector<Job> jobs = planJobs(options);
    const fs::path root(folder);
    for (const StyleInfo &info : kStyles) {
        std::error_code ec;
        fs::create_directories(root / info.name, ec);
        if (ec)
            throw AudioError((root / info.name).string(), "cannot create folder (" + ec.message() + ")");
    }
    sine(); // initialise the shared table before the workers start

    const int total = int(jobs.size());
    std::vector<char> written(jobs.size(), 0);
    bool cancelled = false;
    if (total > 0) {
        unsigned hw = std::thread::hardware_concurrency();
        const int workers = std::clamp(int(hw == 0 ? 2 : hw), 1, std::min(8, total));
        std::atomic<int> nextJob{0};
        std::atomic<bool> stop{false};
        std::mutex mutex;
        std::condition_variable cv;
        std::vector<int> finished;
        std::exception_ptr error;
        int running = workers;

        auto work = [&]() {
            for (;;) {
                const int j = stop.load() ? total : nextJob.fetch_add(1);
                if (j >= total)
                    break;
                try {
                    const Job &job = jobs[std::size_t(j)];
                    const AudioBuffer buffer = synthesize(job, options.sampleRate);
                    writeAudio((root / job.track.relativePath).string(), buffer,
                               {job.track.title, job.track.artist, job.track.genre});
                    std::lock_guard<std::mutex> lock(mutex);
                    finished.push_back(j);
                } catch (...) {
                    std::lock_guard<std::mutex> lock(mutex);
                    if (!error)
                        error = std::current_exception();
                    stop = true;
                }
                cv.notify_all();
            }
            std::lock_guard<std::mutex> lock(mutex);
            --running;
            cv.notify_all();
        };

        std::vector<std::thread> threads;
        struct Joiner {
            std::vector<std::thread> &threads;
            std::atomic<bool> &stop;
            ~Joiner()
            {
                stop = true;
                for (std::thread &t : threads)
                    if (t.joinable())
                        t.join();
            }
        } joiner{threads, stop};
        for (int w = 0; w < workers; ++w)
            threads.emplace_back(work);

        // Progress is reported on the calling thread only.
        int done = 0;
        for (;;) {
            std::vector<int> batch;
            bool allStopped = false;
            {
                std::unique_lock<std::mutex> lock(mutex);
                cv.wait(lock, [&] { return !finished.empty() || running == 0; });
                batch.swap(finished);
                allStopped = running == 0;
            }
            for (const int j : batch) {
                written[std::size_t(j)] = 1;
                ++done;
                if (progress && !cancelled && !stop.load() && !progress(done, total)) {
                    cancelled = true;
                    stop = true;
                }
            }
            if (allStopped)
                break;
        }
        for (std::thread &t : threads)
            t.join();
        {
            std::lock_guard<std::mutex> lock(mutex);
            for (const int j : finished)
                written[std::size_t(j)] = 1;
            if (error)
                std::rethrow_exception(error);
        }
    }

    std::vector<DemoTrack> tracks;
    for (std::size_t j = 0; j < jobs.size(); ++j)
        if (written[j])
            tracks.push_back(jobs[j].track);
    if (cancelled)
        return tracks;

    const std::string manifestPath = (root / "manifest.csv").string();
    std::ofstream manifest(manifestPath, std::ios::binary | std::ios::trunc);
    manifest << "path,genre,title,artist\n";
    for (const DemoTrack &track : tracks)
        manifest << csvField(track.relativePath) << ',' << csvField(track.genre) << ',' << csvField(track.title) << ','
                 << csvField(track.artist) << '\n';
    manifest.close();
    if (!manifest)
        throw AudioError(manifestPath, "cannot write the manifest");
    return tracks;
}

} // namespace tastelab::audio
