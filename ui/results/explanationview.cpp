#include "results/explanationview.h"

#include "audio/audiofile.h"
#include "featurespage.h"
#include "playback/clipplayer.h"
#include "results/resultsstyle.h"
#include "study/extraction.h"
#include "study/recommendations.h"
#include "study/study.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace tastelab {

namespace {

constexpr int kSpectrogramRows = 160;

double hzToMel(double hz)
{
    return 2595.0 * std::log10(1.0 + hz / 700.0);
}

double melToHz(double mel)
{
    return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0);
}

/// A perceptual dark-to-bright map (close to "magma"), t in [0, 1].
QColor heat(double t)
{
    static const QColor stops[] = {QColor(0, 0, 4), QColor(59, 15, 112), QColor(140, 41, 129), QColor(222, 73, 104),
                                   QColor(254, 159, 109), QColor(252, 253, 191)};
    t = std::clamp(t, 0.0, 1.0) * 5.0;
    const int i = std::min(4, int(t));
    const double f = t - i;
    const QColor &a = stops[i];
    const QColor &b = stops[i + 1];
    return QColor(int(a.red() + f * (b.red() - a.red())), int(a.green() + f * (b.green() - a.green())),
                  int(a.blue() + f * (b.blue() - a.blue())));
}

/// Enough decimals that the largest of the weights shows two significant digits (as the plot).
int weightDecimals(double biggest)
{
    return std::clamp(int(std::ceil(-std::log10(std::max(1e-12, biggest)))) + 1, 2, 6);
}

QString weightText(double w, int decimals)
{
    const QString s = QString::number(std::abs(w), 'f', decimals);
    const bool zero = s.count(QLatin1Char('0')) + 1 == s.size();
    return (w < 0 && !zero ? QStringLiteral("\u2212") : QString()) + s;
}

} // namespace

/// The waveform (top), the spectrogram on a mel axis (middle) and lanes for harmonic/percussive
/// parts or sources (bottom), with the component weights drawn over them.
class ExplanationPlot : public QWidget {
public:
    explicit ExplanationPlot(QWidget *parent) : QWidget(parent)
    {
        setObjectName(QStringLiteral("explanationPlot"));
        setMinimumSize(560, 320);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }

    void setReport(const ExplanationReport *report)
    {
        m_report = report;
        m_image = QImage();
        m_envelope.clear();
        if (report && report->decomposition) {
            const audio::AudioBuffer &clip = report->decomposition->clip();
            // Waveform envelope: min and max of 1000 equal slices.
            constexpr int kSlices = 1000;
            const auto frames = clip.frames();
            for (int i = 0; i < kSlices && frames > 0; ++i) {
                const auto a = std::int64_t(double(i) / kSlices * frames);
                const auto b = std::max(a + 1, std::int64_t(double(i + 1) / kSlices * frames));
                float lo = 0, hi = 0;
                for (auto k = a; k < b && k < frames; ++k) {
                    lo = std::min(lo, clip.samples[std::size_t(k)]);
                    hi = std::max(hi, clip.samples[std::size_t(k)]);
                }
                m_envelope.push_back({lo, hi});
            }
            int columns = 0;
            const std::vector<float> magnitude = explain::magnitudeSpectrogram(clip, &columns);
            const int bins = columns > 0 ? int(magnitude.size()) / columns : 0;
            if (columns > 0 && bins > 1) {
                m_image = QImage(columns, kSpectrogramRows, QImage::Format_RGB32);
                const double nyquist = clip.sampleRate / 2.0;
                float peak = 1e-10f;
                for (float v : magnitude)
                    peak = std::max(peak, v);
                for (int row = 0; row < kSpectrogramRows; ++row) {
                    // Row 0 is the top (Nyquist).
                    const double hz = melToHz(hzToMel(nyquist) * (1.0 - (row + 0.5) / kSpectrogramRows));
                    const int bin = std::clamp(int(std::lround(hz / nyquist * (bins - 1))), 0, bins - 1);
                    auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(row));
                    for (int c = 0; c < columns; ++c) {
                        const double db = 20.0 * std::log10(std::max(1e-10f, magnitude[std::size_t(bin) * columns + c]) / peak);
                        line[c] = heat((db + 80.0) / 80.0).rgb();
                    }
                }
            }
        }
        update();
    }

    void setDirection(explain::Direction d)
    {
        m_direction = d;
        update();
    }

    void setPlaying(const QVector<int> &playing)
    {
        m_playing = playing;
        update();
    }

    /// The component chosen for steering (dashed outline), -1 for none.
    void setSelected(int component)
    {
        m_selected = component;
        update();
    }

    /// Called with the component under a left click.
    std::function<void(int component)> clicked;

    QVector<ExplanationView::OverlayItem> overlay() const
    {
        QVector<ExplanationView::OverlayItem> items;
        if (!m_report || !m_report->decomposition)
            return items;
        const explain::Explanation &e = m_report->explanation;
        const std::vector<int> top = e.top(int(e.components.size()), m_direction);
        const Areas a = areas();
        const double duration = std::max(1e-9, e.durationSeconds);
        const double nyquist = e.sampleRate / 2.0;
        const QStringList lanes = laneNames();
        for (std::size_t i = 0; i < e.components.size(); ++i) {
            const explain::Component &c = e.components[i];
            const double x0 = a.spectrogram.left() + c.startSeconds / duration * a.spectrogram.width();
            const double x1 = a.spectrogram.left() + c.endSeconds / duration * a.spectrogram.width();
            QRectF r;
            if (!c.part.empty()) {
                const int lane = std::max(0, int(lanes.indexOf(QString::fromStdString(c.part))));
                r = QRectF(QPointF(x0, a.lanes.top() + lane * kLane), QPointF(x1, a.lanes.top() + (lane + 1) * kLane - 2));
            } else {
                const auto y = [&](double hz) {
                    return a.spectrogram.bottom() - hzToMel(std::clamp(hz, 0.0, nyquist)) / hzToMel(nyquist) * a.spectrogram.height();
                };
                r = QRectF(QPointF(x0, y(c.highHz)), QPointF(x1, y(c.lowHz)));
            }
            ExplanationView::OverlayItem item;
            item.component = int(i);
            item.rect = r;
            item.weight = e.weights[i];
            const auto rank = std::find(top.begin(), top.end(), int(i));
            item.rank = rank == top.end() ? 0 : int(rank - top.begin()) + 1;
            items.push_back(item);
        }
        return items;
    }

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() != Qt::LeftButton || !clicked)
            return QWidget::mousePressEvent(event);
        for (const ExplanationView::OverlayItem &item : overlay())
            if (item.rect.contains(event->position())) {
                clicked(item.component);
                return;
            }
    }

    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().base());
        if (!m_report || !m_report->decomposition)
            return;
        p.setRenderHint(QPainter::Antialiasing, false);
        const Areas a = areas();
        const explain::Explanation &e = m_report->explanation;
        // Waveform.
        p.fillRect(a.waveform, palette().alternateBase());
        p.setPen(palette().text().color());
        const double mid = a.waveform.center().y();
        const double half = a.waveform.height() / 2.0;
        for (int i = 0; i < m_envelope.size(); ++i) {
            const double x = a.waveform.left() + (i + 0.5) / m_envelope.size() * a.waveform.width();
            p.drawLine(QPointF(x, mid - m_envelope[i].second * half), QPointF(x, mid - m_envelope[i].first * half));
        }
        // Spectrogram and lanes.
        if (!m_image.isNull())
            p.drawImage(a.spectrogram, m_image);
        const QStringList lanes = laneNames();
        for (int i = 0; i < lanes.size(); ++i) {
            const QRectF lane(a.lanes.left(), a.lanes.top() + i * kLane, a.lanes.width(), kLane - 2);
            p.fillRect(lane, palette().alternateBase());
            p.setPen(palette().text().color());
            p.drawText(QRectF(0, lane.top(), a.lanes.left() - 4, lane.height()), Qt::AlignRight | Qt::AlignVCenter,
                       laneLabel(lanes[i]));
        }
        p.setPen(palette().text().color());
        p.drawText(QRectF(0, a.waveform.top(), a.waveform.left() - 4, a.waveform.height()), Qt::AlignRight | Qt::AlignVCenter,
                   ExplanationView::tr("Wave"));
        p.drawText(QRectF(0, a.spectrogram.top(), a.spectrogram.left() - 4, 16), Qt::AlignRight | Qt::AlignTop,
                   ExplanationView::tr("%1 kHz").arg(e.sampleRate / 2000.0, 0, 'f', 1));
        p.drawText(QRectF(0, a.spectrogram.bottom() - 16, a.spectrogram.left() - 4, 16), Qt::AlignRight | Qt::AlignBottom,
                   ExplanationView::tr("0 Hz"));

        // The weights.
        double biggest = 1e-12;
        for (double w : e.weights)
            biggest = std::max(biggest, std::abs(w));
        p.setRenderHint(QPainter::Antialiasing, true);
        const double duration = std::max(1e-9, e.durationSeconds);
        for (const ExplanationView::OverlayItem &item : overlay()) {
            // A light wash over the region (the spectrogram stays readable) and a solid bar along
            // its top edge whose strength is the weight's size.
            const double strength = std::abs(item.weight) / biggest;
            QColor colour = item.weight >= 0 ? resultsstyle::likedColour() : resultsstyle::dislikedColour();
            colour.setAlpha(int(15 + 85 * strength));
            p.fillRect(item.rect, colour);
            QColor bar = colour;
            bar.setAlpha(int(60 + 195 * strength));
            p.fillRect(QRectF(item.rect.left(), item.rect.top(), item.rect.width(), std::min(16.0, item.rect.height())), bar);
            const explain::Component &c = e.components[std::size_t(item.component)];
            // A time segment over the whole spectrum shades the waveform too.
            if (c.part.empty() && c.lowHz <= 0.0 && c.highHz >= e.sampleRate / 2.0 - 1e-6) {
                QColor light = colour;
                light.setAlpha(colour.alpha() / 2);
                p.fillRect(QRectF(item.rect.left(), a.waveform.top(), item.rect.width(), a.waveform.height()), light);
            }
            QPen pen(m_playing.contains(item.component) ? palette().highlight().color() : QColor(255, 255, 255, 140));
            pen.setWidthF(m_playing.contains(item.component) ? 3.0 : 1.0);
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawRect(item.rect.adjusted(0.5, 0.5, -0.5, -0.5));
            if (item.component == m_selected) {
                QPen dashed(palette().text().color());
                dashed.setWidthF(2.0);
                dashed.setStyle(Qt::DashLine);
                p.setPen(dashed);
                p.drawRect(item.rect.adjusted(2, 2, -2, -2));
            }
            const double shown = m_direction == explain::Direction::Liked ? item.weight : -item.weight;
            // Enough decimals that the largest weight shows two significant digits.
            const int decimals = std::clamp(int(std::ceil(-std::log10(biggest))) + 1, 2, 6);
            QString text = QStringLiteral("%1%2").arg(shown >= 0 ? QStringLiteral("+") : QString()).arg(shown, 0, 'f', decimals);
            if (item.rank > 0 && item.rank <= 3)
                text = QStringLiteral("#%1 ").arg(item.rank) + text;
            p.setPen(Qt::white);
            QFont f = font();
            f.setBold(item.rank > 0 && item.rank <= 3);
            p.setFont(f);
            if (item.rect.width() > 40 && item.rect.height() > 12)
                p.drawText(item.rect.adjusted(3, 1, -3, -1), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        }
        // Time axis.
        p.setPen(palette().text().color());
        p.setFont(font());
        const double bottom = (lanes.isEmpty() ? a.spectrogram.bottom() : a.lanes.bottom()) + 2;
        for (int s = 0; s <= int(duration); s += std::max(1, int(duration / 10))) {
            const double x = a.spectrogram.left() + s / duration * a.spectrogram.width();
            p.drawLine(QPointF(x, bottom), QPointF(x, bottom + 4));
            p.drawText(QRectF(x - 30, bottom + 4, 60, 16), Qt::AlignHCenter | Qt::AlignTop,
                       ExplanationView::tr("%1 s").arg(s));
        }
    }

private:
    static constexpr double kLane = 24.0;

    struct Areas {
        QRectF waveform;
        QRectF spectrogram;
        QRectF lanes;
    };

    QStringList laneNames() const
    {
        QStringList names;
        if (m_report)
            for (const explain::Component &c : m_report->explanation.components)
                if (!c.part.empty() && !names.contains(QString::fromStdString(c.part)))
                    names << QString::fromStdString(c.part);
        return names;
    }

    static QString laneLabel(const QString &part)
    {
        if (part == QLatin1String("harmonic"))
            return ExplanationView::tr("Harmonic");
        if (part == QLatin1String("percussive"))
            return ExplanationView::tr("Percussive");
        return part;
    }

    Areas areas() const
    {
        const double left = 78, right = 8, top = 6, axis = 24;
        const double lanesHeight = laneNames().size() * kLane;
        const double width = std::max(10.0, double(width_()) - left - right);
        const double free = std::max(60.0, double(height()) - top - axis - lanesHeight - 6);
        Areas a;
        a.waveform = QRectF(left, top, width, free * 0.25);
        a.spectrogram = QRectF(left, a.waveform.bottom() + 6, width, free * 0.75 - 6);
        a.lanes = QRectF(left, a.spectrogram.bottom() + 4, width, lanesHeight);
        return a;
    }

    int width_() const { return QWidget::width(); }

    const ExplanationReport *m_report = nullptr;
    QImage m_image;
    QVector<QPair<float, float>> m_envelope;
    explain::Direction m_direction = explain::Direction::Liked;
    QVector<int> m_playing;
    int m_selected = -1;
};

ExplanationView::ExplanationView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("explanationView"));
    m_service = new ExplanationService(this);
    connect(m_service, &ExplanationService::progressed, this, &ExplanationView::onProgress);
    connect(m_service, &ExplanationService::finished, this, &ExplanationView::onFinished);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("explanationTitle"));
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setBold(true);
    m_title->setFont(big);

    m_liked = new QRadioButton(tr("Why liked"), this);
    m_liked->setObjectName(QStringLiteral("whyLiked"));
    m_disliked = new QRadioButton(tr("Why disliked"), this);
    m_disliked->setObjectName(QStringLiteral("whyDisliked"));
    m_liked->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_liked);
    group->addButton(m_disliked);
    connect(m_liked, &QRadioButton::toggled, this, [this](bool on) {
        setDirection(on ? explain::Direction::Liked : explain::Direction::Disliked);
    });

    m_components = new QComboBox(this);
    m_components->setObjectName(QStringLiteral("explanationComponents"));
    m_components->addItem(tr("Time segments"), int(explain::ComponentMode::Segments));
    m_components->addItem(tr("Frequency bands"), int(explain::ComponentMode::Bands));
    m_components->addItem(tr("Harmonic / percussive"), int(explain::ComponentMode::Hpss));
    m_components->addItem(tr("Segments × harmonic / percussive (slow)"), int(explain::ComponentMode::Combined));
    m_components->addItem(tr("Sources of a separation model…"), int(explain::ComponentMode::Sources));
    m_components->setToolTip(tr("How the excerpt is cut into parts whose influence is measured"));
    m_separation = QSettings().value(QStringLiteral("explain/separationManifest")).toString();
    connect(m_components, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        const auto mode = explain::ComponentMode(m_components->itemData(index).toInt());
        if (mode == explain::ComponentMode::Sources) {
            // Always offer the choice (the last model preselected): a user may have several.
            const QString chosen = QFileDialog::getOpenFileName(
                this, tr("Separation model"), m_separation.isEmpty() ? QString() : QFileInfo(m_separation).absolutePath(),
                tr("Separation model manifest (*.json)"));
            if (chosen.isEmpty()) {
                setComponentMode(m_request.options.components.mode); // back to the parts shown
                return;
            }
            setSeparationManifest(chosen);
        }
        setComponentMode(mode);
    });

    m_top1 = new QPushButton(tr("Top highlight"), this);
    m_top1->setObjectName(QStringLiteral("topHighlight"));
    m_top1->setToolTip(tr("Play only the most influential part"));
    connect(m_top1, &QPushButton::clicked, this, [this] { playTop(1); });
    m_top3 = new QPushButton(tr("Top 3"), this);
    m_top3->setObjectName(QStringLiteral("topThree"));
    m_top3->setToolTip(tr("Play only the three most influential parts"));
    connect(m_top3, &QPushButton::clicked, this, [this] { playTop(3); });
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("explanationStop"));
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_player)
            m_player->stop();
        m_playing.clear();
        m_plot->setPlaying(m_playing);
    });

    m_fidelity = new QLabel(this);
    m_fidelity->setObjectName(QStringLiteral("explanationFidelity"));
    m_fidelity->setToolTip(tr("How well the per-part weights reproduce the model's scores when parts are switched off "
                              "(R², 1 = perfectly)"));

    m_plot = new ExplanationPlot(this);
    m_plot->clicked = [this](int component) { selectComponent(component); };

    m_trainer = new TrainingService(this);
    connect(m_trainer, &TrainingService::epochFinished, this, &ExplanationView::onRetrainEpoch);
    connect(m_trainer, &TrainingService::finished, this, &ExplanationView::onRetrainFinished);
    m_part = new QComboBox(this);
    m_part->setObjectName(QStringLiteral("explanationPart"));
    m_part->setToolTip(tr("The part to steer the model on (or click it in the picture)"));
    connect(m_part, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_chosenPart = selectedComponent();
        m_plot->setSelected(m_chosenPart);
    });
    m_more = new QPushButton(tr("More like this part"), this);
    m_more->setObjectName(QStringLiteral("moreLikePart"));
    m_more->setToolTip(tr("Teach the model: more music like this part of the excerpt (retrains it)"));
    connect(m_more, &QPushButton::clicked, this, [this] { steerComponent(selectedComponent(), 1); });
    m_less = new QPushButton(tr("Less like this"), this);
    m_less->setObjectName(QStringLiteral("lessLikePart"));
    m_less->setToolTip(tr("Teach the model: less music like this part of the excerpt (retrains it)"));
    connect(m_less, &QPushButton::clicked, this, [this] { steerComponent(selectedComponent(), -1); });
    m_steerText = new QLabel(this);
    m_steerText->setObjectName(QStringLiteral("partSteeringResult"));
    m_steerText->setWordWrap(true);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("explanationProgress"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("explanationCancel"));
    connect(m_cancel, &QPushButton::clicked, this, &ExplanationView::cancel);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("explanationStatus"));
    m_status->setWordWrap(true);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_liked);
    controls->addWidget(m_disliked);
    controls->addSpacing(12);
    controls->addWidget(m_components);
    controls->addStretch(1);
    controls->addWidget(m_top1);
    controls->addWidget(m_top3);
    controls->addWidget(m_stop);
    auto *steering = new QHBoxLayout;
    steering->addWidget(new QLabel(tr("Part:"), this));
    steering->addWidget(m_part, 1);
    steering->addWidget(m_more);
    steering->addWidget(m_less);
    auto *busy = new QHBoxLayout;
    busy->addWidget(m_progress, 1);
    busy->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(controls);
    layout->addWidget(m_fidelity);
    layout->addWidget(m_plot, 1);
    layout->addLayout(steering);
    layout->addWidget(m_steerText);
    layout->addLayout(busy);
    layout->addWidget(m_status);
    m_modelDirs = encoderSearchDirs(FeaturesPage::userModelsFolder());
    updateTexts();
    updateButtons();
}

ExplanationView::~ExplanationView() = default;

ExplanationView *ExplanationView::openWindow(QWidget *parent, Study *study, ClipPlayer *player, qint64 modelId,
                                             const Track &track, double startSeconds, double lengthSeconds)
{
    auto *view = new ExplanationView(parent);
    view->setWindowFlag(Qt::Window, true);
    view->setAttribute(Qt::WA_DeleteOnClose, true);
    view->setWindowTitle(tr("Why this track? – %1").arg(track.title));
    view->resize(900, 600);
    view->setStudy(study);
    view->setPlayer(player);
    view->show();
    view->explain(modelId, track, startSeconds, lengthSeconds);
    return view;
}

void ExplanationView::setStudy(Study *study)
{
    m_study = study;
}

void ExplanationView::setPlayer(ClipPlayer *player)
{
    m_player = player;
    updateButtons();
}

void ExplanationView::setModelDirs(const QStringList &dirs)
{
    m_modelDirs = dirs;
}

void ExplanationView::explain(qint64 modelId, const Track &track, double startSeconds, double lengthSeconds)
{
    m_request = ExplanationRequest{};
    m_chosenPart = -1;
    m_request.modelId = modelId;
    m_request.trackId = track.id;
    m_request.startSeconds = startSeconds;
    m_request.lengthSeconds = lengthSeconds;
    m_request.options.components.mode = explain::ComponentMode(m_components->currentData().toInt());
    m_title->setText(tr("“%1” by %2").arg(track.title, track.artist.isEmpty() ? tr("unknown artist") : track.artist));
    start();
}

void ExplanationView::start()
{
    if (!m_study) {
        m_status->setText(tr("No study is open."));
        return;
    }
    m_request.studyPath = m_study->path();
    m_request.modelDirs = m_modelDirs;
    m_request.separationManifest = m_separation;
    m_have = false;
    m_report = ExplanationReport{};
    m_plot->setReport(nullptr);
    updateParts();
    m_playing.clear();
    m_busy = true;
    m_progress->setRange(0, 0);
    m_job = m_service->start(m_request);
    updateTexts();
    updateButtons();
}

void ExplanationView::setSeparationManifest(const QString &manifest)
{
    m_separation = manifest;
    QSettings().setValue(QStringLiteral("explain/separationManifest"), manifest);
}

void ExplanationView::setComponentMode(explain::ComponentMode mode)
{
    if (mode == explain::ComponentMode::Sources && m_separation.isEmpty()) {
        // Nothing to separate with: the chooser shows the parts shown again.
        m_components->setCurrentIndex(m_components->findData(int(m_request.options.components.mode)));
        return;
    }
    const int index = m_components->findData(int(mode));
    if (index >= 0)
        m_components->setCurrentIndex(index);
    if (m_request.modelId == 0)
        return;
    m_request.options.components.mode = mode;
    start();
}

void ExplanationView::setDirection(explain::Direction direction)
{
    m_direction = direction;
    {
        const QSignalBlocker a(m_liked);
        const QSignalBlocker b(m_disliked);
        m_liked->setChecked(direction == explain::Direction::Liked);
        m_disliked->setChecked(direction == explain::Direction::Disliked);
    }
    m_plot->setDirection(direction);
    updateTexts();
    updateButtons();
}

explain::Direction ExplanationView::direction() const
{
    return m_direction;
}

void ExplanationView::cancel()
{
    if (m_busy)
        m_service->cancel();
    else if (m_stage == SteerStage::Retraining)
        m_trainer->cancel();
}

void ExplanationView::onProgress(quint64 jobId, int done, int total)
{
    if (jobId != m_job)
        return;
    m_progress->setRange(0, total);
    m_progress->setValue(done);
}

void ExplanationView::onFinished(quint64 jobId, const ExplanationReport &report)
{
    if (jobId != m_job)
        return;
    m_busy = false;
    m_report = report;
    m_have = report.error.isEmpty() && !report.cancelled && report.decomposition;
    m_plot->setReport(m_have ? &m_report : nullptr);
    updateParts();
    updateTexts();
    if (m_stage == SteerStage::Contrast) {
        // The excerpt explained again with the component contrasted: store the steering, retrain.
        m_request.contrast = -1;
        if (!m_have || report.contrast != m_steer.component) {
            finishSteering(report.cancelled ? tr("Steering cancelled; nothing was saved.")
                                            : tr("The part could not be steered: %1")
                                                  .arg(report.error.isEmpty() ? tr("no explanation") : report.error),
                           0);
        } else {
            m_steer.before = report;
            QString why;
            if (!recordComponentSteering(*m_study, m_steer.participant, report, m_steer.direction, &why)) {
                finishSteering(tr("The part could not be steered: %1").arg(why), 0);
            } else {
                m_stage = SteerStage::Retraining;
                m_trainJob = m_trainer->start(m_steer.training);
                m_progress->setRange(0, 0);
                m_steerText->setText(m_steer.direction > 0
                                         ? tr("Saved: more like “%1”. Retraining the model…").arg(m_steer.name)
                                         : tr("Saved: less like “%1”. Retraining the model…").arg(m_steer.name));
            }
        }
    }
    updateButtons();
    if (m_have)
        Q_EMIT explained();
}

void ExplanationView::selectComponent(int component)
{
    const int index = m_part->findData(component);
    if (index >= 0)
        m_part->setCurrentIndex(index);
}

int ExplanationView::selectedComponent() const
{
    return m_part->currentIndex() >= 0 ? m_part->currentData().toInt() : -1;
}

void ExplanationView::updateParts()
{
    const int selected = m_chosenPart;
    const QSignalBlocker block(m_part);
    m_part->clear();
    if (m_have) {
        const explain::Explanation &e = m_report.explanation;
        double biggest = 0;
        for (double w : e.weights)
            biggest = std::max(biggest, std::abs(w));
        for (std::size_t i = 0; i < e.components.size(); ++i)
            m_part->addItem(tr("%1 (weight %2)")
                                .arg(QString::fromStdString(e.components[i].name))
                                .arg(weightText(e.weights[i], weightDecimals(biggest))),
                            int(i));
        // The same component again after a re-explanation, else the strongest towards "like".
        int index = m_part->findData(selected);
        if (index < 0) {
            const std::vector<int> top = e.top(1, explain::Direction::Liked);
            index = top.empty() ? 0 : m_part->findData(top.front());
        }
        m_part->setCurrentIndex(index);
    }
    if (m_part->count() > 0)
        m_chosenPart = selectedComponent();
    m_plot->setSelected(selectedComponent());
}

bool ExplanationView::steerComponent(int component, int direction, QString *error)
{
    const auto fail = [&](const QString &why) {
        m_steerText->setText(why);
        if (error)
            *error = why;
        return false;
    };
    if (m_stage != SteerStage::None)
        return fail(tr("A steering is running: wait for its result."));
    if (!m_study || !m_have || m_busy)
        return fail(tr("Wait for the explanation before steering a part."));
    if (component < 0 || component >= int(m_report.explanation.components.size()))
        return fail(tr("Choose a part to steer."));
    // Baselines (logistic regression, k-NN, …) do not learn from steering: only CLEP does.
    if (!m_report.model.startsWith(QLatin1String("clep")))
        return fail(tr("Steering teaches the CLEP embedder, and model %1 is %2: explain with a CLEP model to steer a part.")
                        .arg(m_report.modelId)
                        .arg(m_report.model.toUpper()));
    Steer steer;
    QString why;
    if (!feedbackRetrainingRequest(*m_study, m_report.modelId, 0, &steer.training, &why))
        return fail(why);
    steer.component = component;
    steer.direction = direction >= 0 ? 1 : -1;
    steer.name = QString::fromStdString(m_report.explanation.components[std::size_t(component)].name);
    steer.participant = steer.training.participant;
    m_steer = steer;
    m_outcome = SteeringOutcome();
    m_steeredModel = 0;
    m_stage = SteerStage::Contrast;
    m_steerText->setText(tr("Embedding the excerpt with and without “%1”…").arg(steer.name));
    // 1) The same excerpt, components, method and seed, with the component contrasted.
    m_request.contrast = component;
    m_steer.request = m_request;
    m_steer.request.studyPath = m_study->path();
    m_steer.request.modelDirs = m_modelDirs;
    start();
    return true;
}

void ExplanationView::onRetrainEpoch(quint64 jobId, const QString &model, const train::EpochLog &epoch)
{
    if (jobId != m_trainJob || m_stage != SteerStage::Retraining)
        return;
    m_progress->setRange(0, epoch.epochs);
    m_progress->setValue(epoch.epoch);
    m_steerText->setText(tr("Retraining %1 with the steering: %2 epoch %3 of %4")
                             .arg(model.toUpper(), QString::fromStdString(epoch.stage))
                             .arg(epoch.epoch)
                             .arg(epoch.epochs));
}

void ExplanationView::onRetrainFinished(quint64 jobId, const TrainingReport &report)
{
    if (jobId != m_trainJob || m_stage != SteerStage::Retraining)
        return;
    m_trainJob = 0;
    if (report.cancelled || !report.error.isEmpty() || report.models.isEmpty() || !m_study) {
        finishSteering(report.cancelled
                           ? tr("Retraining cancelled; the steering is saved and takes part in the next training.")
                           : tr("The retraining failed: %1").arg(report.error.isEmpty() ? tr("no model was stored") : report.error),
                       0);
        return;
    }
    // 2) The component's weight with the new model: explaining again can take long (the slow
    // component kinds), so it runs on the pool with a connection of its own.
    const qint64 after = report.models.first().id;
    m_stage = SteerStage::Measuring;
    m_progress->setRange(0, 0);
    m_steerText->setText(tr("Retrained (model %1); explaining the excerpt with it…").arg(after));
    updateButtons();
    struct Measured {
        bool ok = false;
        SteeringOutcome outcome;
        QString error;
    };
    const quint64 id = ++m_measureId;
    auto *watcher = new QFutureWatcher<Measured>(this);
    connect(watcher, &QFutureWatcher<Measured>::finished, this, [this, watcher, id, after] {
        const Measured m = watcher->result();
        watcher->deleteLater();
        if (id != m_measureId || m_stage != SteerStage::Measuring)
            return;
        m_stage = SteerStage::None;
        m_steeredModel = after;
        if (!m.ok) {
            finishSteering(tr("Retrained (model %1), but the part's new weight could not be measured: %2").arg(after).arg(m.error),
                           after);
        } else {
            m_outcome = m.outcome;
            const int decimals = weightDecimals(std::max(std::abs(m.outcome.before), std::abs(m.outcome.after)));
            finishSteering(tr("“%1”: %2 (weight %3 → %4; new model %5).")
                               .arg(m_steer.name, m.outcome.text())
                               .arg(weightText(m.outcome.before, decimals), weightText(m.outcome.after, decimals))
                               .arg(after),
                           after);
        }
        // 3) The new model's explanation.
        m_request.modelId = after;
        m_request.contrast = -1;
        start();
    });
    const ExplanationRequest request = m_steer.request;
    const ExplanationReport before = m_steer.before;
    const int direction = m_steer.direction;
    watcher->setFuture(QtConcurrent::run([request, before, after, direction] {
        Measured m;
        std::unique_ptr<Study> study = Study::open(request.studyPath, &m.error);
        if (study)
            m.ok = measureComponentSteering(*study, request, before, after, direction, &m.outcome, &m.error);
        return m;
    }));
}

void ExplanationView::finishSteering(const QString &text, qint64 newModel)
{
    m_stage = SteerStage::None;
    m_steerText->setText(text);
    updateButtons();
    Q_EMIT steered(newModel);
}

void ExplanationView::updateTexts()
{
    if (m_busy) {
        m_status->setText(tr("Explaining: switching parts of the excerpt off and asking the model again…"));
        m_fidelity->clear();
        return;
    }
    if (!m_have) {
        m_fidelity->clear();
        if (m_report.cancelled)
            m_status->setText(tr("Cancelled."));
        else if (!m_report.error.isEmpty())
            m_status->setText(tr("The explanation failed: %1").arg(m_report.error));
        return;
    }
    m_fidelity->setText(fidelityText());
    const explain::Explanation &e = m_report.explanation;
    const std::vector<int> top = e.top(3, m_direction);
    if (top.empty())
        m_status->setText(m_direction == explain::Direction::Liked
                              ? tr("No part of this excerpt pushes the model towards “like”.")
                              : tr("No part of this excerpt pushes the model towards “dislike”."));
    else
        m_status->setText(tr("Red parts push the model towards “like”, blue parts towards “dislike”; the stronger the "
                             "colour, the larger the effect. Model %1 (%2), excerpt %3–%4 s.")
                              .arg(m_report.modelId)
                              .arg(m_report.model)
                              .arg(m_report.clip.startSeconds, 0, 'f', 1)
                              .arg(m_report.clip.startSeconds + m_report.clip.lengthSeconds, 0, 'f', 1));
}

QString ExplanationView::fidelityText() const
{
    if (!m_have)
        return {};
    const explain::Explanation &e = m_report.explanation;
    const QString method = e.method == explain::Method::Shapley ? tr("exact Shapley values") : tr("LIME");
    // R² is negative when the parts interact so much that no sum of per-part weights fits (e.g. a
    // model that rejects any cut): shown as such rather than as a large negative number.
    const QString r2 = e.fidelity < -1.0 ? tr("below −1") : QString::number(e.fidelity, 'f', 2);
    return tr("Like probability %1 · fidelity R² %2 (%3, %n evaluation(s), %4 s)", nullptr, e.evaluations)
        .arg(e.likeProbability, 0, 'f', 2)
        .arg(r2)
        .arg(method)
        .arg(e.seconds, 0, 'f', 2);
}

void ExplanationView::updateButtons()
{
    const bool steering = m_stage != SteerStage::None;
    m_progress->setVisible(m_busy || steering);
    // Measuring the new weight cannot be cancelled (it is one explanation).
    m_cancel->setVisible(m_busy || m_stage == SteerStage::Retraining);
    const bool canSteer = m_have && !m_busy && !steering && m_part->count() > 0;
    m_part->setEnabled(canSteer);
    m_more->setEnabled(canSteer);
    m_less->setEnabled(canSteer);
    const bool canPlay = m_have && m_player && !m_report.explanation.top(1, m_direction).empty();
    m_top1->setEnabled(canPlay);
    m_top3->setEnabled(canPlay);
    m_stop->setEnabled(m_player != nullptr);
    m_components->setEnabled(!m_busy && !steering);
}

void ExplanationView::playTop(int k)
{
    if (!m_have || !m_player)
        return;
    const std::vector<int> top = m_report.explanation.top(k, m_direction);
    if (top.empty())
        return;
    explain::Mask mask(std::size_t(m_report.decomposition->size()), false);
    for (int c : top)
        mask[std::size_t(c)] = true;
    const QString path = m_temp.filePath(QStringLiteral("top-%1.wav").arg(++m_renderId));
    std::shared_ptr<const explain::Decomposition> decomposition = m_report.decomposition;
    m_playing = QVector<int>(top.begin(), top.end());
    m_plot->setPlaying(m_playing);
    const quint64 id = m_renderId;
    // Rendering (an inverse STFT for spectral parts) and writing run on the pool.
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path, id, count = int(top.size())] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (id != m_renderId || !m_player)
            return;
        if (!error.isEmpty()) {
            m_status->setText(tr("The parts could not be played: %1").arg(error));
            return;
        }
        ClipRequest request;
        request.path = path;
        m_player->play(request);
        Q_EMIT topPlaying(count);
    });
    watcher->setFuture(QtConcurrent::run([decomposition, mask, path] {
        try {
            audio::writeAudio(QFile::encodeName(path).toStdString(), decomposition->render(mask));
        } catch (const std::exception &e) {
            return QString::fromStdString(e.what());
        }
        return QString();
    }));
}

bool ExplanationView::isBusy() const
{
    return m_busy;
}

bool ExplanationView::hasExplanation() const
{
    return m_have;
}

const ExplanationReport &ExplanationView::report() const
{
    return m_report;
}

QVector<ExplanationView::OverlayItem> ExplanationView::overlay() const
{
    return m_plot->overlay();
}

QString ExplanationView::stateText() const
{
    return m_status->text();
}

QVector<int> ExplanationView::playingComponents() const
{
    return m_playing;
}

bool ExplanationView::isSteering() const
{
    return m_stage != SteerStage::None;
}

QString ExplanationView::steeringText() const
{
    return m_steerText->text();
}

const SteeringOutcome &ExplanationView::steeringOutcome() const
{
    return m_outcome;
}

qint64 ExplanationView::steeredModel() const
{
    return m_steeredModel;
}

} // namespace tastelab
