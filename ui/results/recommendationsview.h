#pragma once

#include "playback/clipplayer.h"
#include "study/recommendations.h"
#include "study/training.h"

#include <QHash>
#include <QPointer>
#include <QVector>
#include <QWidget>

#include <optional>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace tastelab {

class Study;
class RecommendationModel;
class RecommendationFilter;
class RecommendationDelegate;

/// The ranked recommendation list of one participant (a sub-tab of the Results page): every
/// library track they have not heard, scored by one of their trained models (the mean like
/// probability over a few library excerpts per track, see recommend()), highest first, or by the
/// lowest dislike risk according to their CLEP-N model. Each row plays an excerpt of the track
/// and takes feedback ("Like" / "Not for me") that is saved as an answer; a banner offers to
/// retrain once there is feedback the model has not seen. Filters by genre, minimum like score
/// and text; exports what is shown as M3U and CSV.
///
/// Scoring runs on the thread pool with its own study connection (a 100k-track library does not
/// freeze the window); a newer request supersedes an older one, whose result is dropped.
class RecommendationsView : public QWidget {
    Q_OBJECT
public:
    enum class Ordering { LikeProbability, DislikeRisk };
    /// The buttons of a row (for actionRect()).
    enum class Action { Play, Like, NotForMe };

    explicit RecommendationsView(QWidget *parent = nullptr);
    ~RecommendationsView() override;

    /// The open study (used on the GUI thread; scoring opens its own connection). nullptr = none.
    void setStudy(Study *study);
    /// Plays the excerpts; nullptr disables the play buttons.
    void setPlayer(ClipPlayer *player);
    /// Whose list to show: encoder picks the embeddings (empty: any), modelId 0 = the newest
    /// CLEP-PN model (else the newest model of any kind) of that encoder. Starts scoring.
    void setParticipant(const QString &code, const QString &encoder, qint64 modelId);
    /// Scores again (e.g. after an extraction or a retraining).
    void refresh();

    // --- state, for the Results page and the tests ---
    bool isBusy() const;
    /// Rows shown now (after the filters).
    int rowCount() const;
    /// The item in shown row `row` (rank = its place in the current ordering).
    Recommendation itemAt(int row) const;
    /// Every shown item, in the shown order (what the exports write).
    QVector<Recommendation> visibleItems() const;
    /// The last scoring result as it came (empty before the first one arrives; feedback given
    /// since is in itemAt()).
    const Recommendations &result() const { return m_result; }
    /// The text shown instead of the list (empty while the list is shown).
    QString stateText() const;
    /// The retrain banner's text (empty when hidden).
    QString bannerText() const;

    Ordering ordering() const { return m_ordering; }
    /// False when ordering is DislikeRisk and no CLEP-N model exists (nothing changes).
    bool setOrdering(Ordering ordering);
    /// Empty = all genres.
    void setGenreFilter(const QString &genre);
    /// 0..1: rows with a lower like probability are hidden.
    void setMinimumScore(double probability);
    void setTextFilter(const QString &text);

    /// Plays (or, when it is playing, stops) the excerpt of shown row `row`: the middle one of the
    /// excerpts that were scored, i.e. the middle of the track.
    bool togglePlay(int row);
    /// Saves feedback for shown row `row` (recordFeedback) and marks it.
    bool giveFeedback(int row, bool like, QString *error = nullptr);
    /// The track whose excerpt is playing now, 0 when none.
    qint64 playingTrack() const;
    /// Where a row's button lies, in the table viewport's coordinates.
    QRect actionRect(int row, Action action) const;
    QTableView *table() const { return m_table; }

    bool exportM3u(const QString &path, QString *error = nullptr);
    bool exportCsv(const QString &path, QString *error = nullptr);

Q_SIGNALS:
    void retrainRequested(const QString &participant, const QString &encoder);
    /// A scoring request finished (its result is shown).
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Outcome;

    void start();
    void onFinished(quint64 requestId, const Outcome &outcome);
    void showMessage(const QString &text);
    void showList();
    void applyOrdering();
    void fillGenres(const QStringList &genres);
    void updateFilterSummary();
    void updateBanner();
    void updateControls();
    void updateModelLabel();
    void onAction(int sourceRow, Action action);
    int sourceRowOf(int row) const;
    void chooseExport(bool m3u);
    std::optional<ClipRequest> requestFor(const Track &track) const;

    Study *m_study = nullptr;
    QPointer<ClipPlayer> m_player;
    QString m_participant;
    QString m_encoder;
    qint64 m_requestedModel = 0;
    quint64 m_requestId = 0;
    bool m_busy = false;
    bool m_stale = false; ///< a request arrived while the view was hidden
    Recommendations m_result;
    QVector<Recommendation> m_rankedByLike; ///< m_result.items ranked by like probability
    QVector<Recommendation> m_rankedByRisk; ///< ... by dislike risk (empty without CLEP-N)
    bool m_haveResult = false;
    TrainedModel m_scoredBy; ///< the model that scored m_result
    bool m_haveSafeModel = false;
    Ordering m_ordering = Ordering::LikeProbability;
    qint64 m_playingTrack = 0;
    ClipRequest m_playingRequest;
    QString m_message;
    QHash<qint64, int> m_pendingFeedback; ///< feedback given while a new list is scored

    QWidget *m_controls = nullptr;
    QLabel *m_modelLabel = nullptr;
    QRadioButton *m_byLike = nullptr;
    QRadioButton *m_bySafety = nullptr;
    QComboBox *m_genre = nullptr;
    QSpinBox *m_minScore = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_exportM3u = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerLabel = nullptr;
    QPushButton *m_retrain = nullptr;
    QWidget *m_busyRow = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_messageLabel = nullptr;
    QTableView *m_table = nullptr;
    RecommendationModel *m_model = nullptr;
    RecommendationFilter *m_filter = nullptr;
    RecommendationDelegate *m_delegate = nullptr;
};

} // namespace tastelab
