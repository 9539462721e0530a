#pragma once

#include "playback/clipplayer.h"
#include "study/recommendations.h"
#include "study/training.h"

#include <QHash>
#include <QPointer>
#include <QVector>
#include <QWidget>

#include <optional>

class QCheckBox;
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
class QTimer;

namespace tastelab {

class Study;
class RecommendationModel;
class RecommendationFilter;
class RecommendationDelegate;
class ExplanationView;

/// The ranked recommendation list of one participant (a sub-tab of the Results page): every
/// library track they have not heard, scored by one of their trained models (the mean like
/// probability over a few library excerpts per track, see recommend()), highest first, or by the
/// lowest dislike risk according to their CLEP-N model. Each row plays an excerpt of the track
/// and takes feedback ("Like" / "Not for me" buttons, or "Wrong: I like this" / "Wrong: not for
/// me" in its context menu) that is saved as an answer. Filters by genre, minimum like score and
/// text; exports what is shown as M3U and CSV.
///
/// Feedback retrains: a short while after the last feedback (several quick answers make one
/// retraining) the list's model is trained again in the background (TrainingService) on the
/// answers now: the same participant, encoder and kind, with its stored settings, plus CLEP-N when
/// the list shows its dislike risk (feedbackRetrainingRequest()). A progress row with Cancel shows
/// it; the list stays usable, and feedback given meanwhile restarts it. When it is done the list
/// is scored with the new model and shows what moved (compareRankings()): a "Moved" column (▲12,
/// ▼3, new, and the change of the like score; click its header to sort by it) and a summary line.
/// With "Retrain after feedback" off, a banner offers to retrain instead.
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
    /// "Why this track?" (the row's context menu): opens an ExplanationView window on shown row
    /// `row` with the list's model (nullptr when there is no list).
    ExplanationView *explainRow(int row);

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

    /// The taste profile's slider-adjusted scores (track id -> score, TasteProfileView): the like
    /// ordering follows them (a track without one keeps its like probability; equal scores keep the
    /// classifier's order) and is ranked again. Empty = the classifier's ranking.
    void setSteering(const QHash<qint64, double> &scores);
    bool isSteered() const { return !m_steering.isEmpty(); }

    /// Plays (or, when it is playing, stops) the excerpt of shown row `row`: the middle one of the
    /// excerpts that were scored, i.e. the middle of the track.
    bool togglePlay(int row);
    /// Saves feedback for shown row `row` (recordFeedback), marks it and, with retraining after
    /// feedback on, schedules the retraining.
    bool giveFeedback(int row, bool like, QString *error = nullptr);
    /// Feedback saved elsewhere (the embedding map) on tracks of `participant`: marks the tracks
    /// in the list and schedules the retraining as giveFeedback() does, when the list is theirs.
    void noteFeedback(const QString &participant, const QList<qint64> &trackIds, bool like);

    // --- retraining on feedback ---
    /// Retrain a while after feedback (on by default; remembered in the settings).
    void setAutoRetrain(bool on);
    bool autoRetrain() const;
    /// How long after the last feedback the retraining starts (ms; 1500 by default).
    void setRetrainDelay(int ms);
    /// Starts retraining the list's model now (what the delay would start); false when there is
    /// no list or model to retrain.
    bool retrainNow();
    /// True while a retraining is waiting for its delay or running.
    bool isRetraining() const;
    /// Stops the retraining waiting or running (the feedback stays saved).
    void cancelRetraining();
    /// The summary of what moved at the last retraining (empty when none is shown).
    QString movesText() const;
    /// What moved at the last retraining in the ordering shown; nullptr when none is shown.
    const RankingComparison *comparison() const;
    /// Sorts the rows by the Moved column (places risen; descending: the biggest rise first), or
    /// back to the ordering when on is false.
    void sortByMoved(bool on, Qt::SortOrder order = Qt::DescendingOrder);
    /// The track whose excerpt is playing now, 0 when none.
    qint64 playingTrack() const;
    /// Where a row's button lies, in the table viewport's coordinates.
    QRect actionRect(int row, Action action) const;
    QTableView *table() const { return m_table; }

    bool exportM3u(const QString &path, QString *error = nullptr);
    bool exportCsv(const QString &path, QString *error = nullptr);

Q_SIGNALS:
    /// Go to the Models page to train this participant's models there (the banner's link).
    void retrainRequested(const QString &participant, const QString &encoder);
    /// A retraining on feedback stored new models; modelId is the one the list now shows.
    void retrained(const QString &participant, const QString &encoder, qint64 modelId);
    /// A scoring request finished (its result is shown).
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Outcome;
    /// The list as it was before a retraining, to compare the new one with.
    struct Before {
        TrainedModel scoredBy;
        QVector<Recommendation> byLike;
        QVector<Recommendation> byRisk;
    };

    /// Scores the list (deferred until shown when on a hidden tab, unless evenHidden).
    void start(bool evenHidden = false);
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
    void scheduleRetrain();
    void startRetrain();
    void onRetrainEpoch(quint64 jobId, const QString &model, const train::EpochLog &epoch);
    void onRetrainFinished(quint64 jobId, const TrainingReport &report);
    void captureBefore();
    void clearComparison();
    void showComparison();
    void updateRetrainRow();
    void showRowMenu(const QPoint &pos);
    void onHeaderClicked(int section);
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
    QHash<qint64, double> m_steering;     ///< the taste profile's slider-adjusted scores

    TrainingService *m_trainer = nullptr;
    QTimer *m_retrainTimer = nullptr;
    quint64 m_retrainJob = 0;
    bool m_retraining = false;         ///< a job runs (m_retrainJob)
    QStringList m_retrainModels;       ///< kinds the running job trains, in order
    std::optional<Before> m_before;    ///< the list before the feedback being trained on
    qint64 m_expectModel = 0;          ///< the new model whose list is compared with m_before
    int m_retrainAnswers = 0;          ///< examples of the last retraining
    int m_retrainNewAnswers = 0;       ///< feedback answers since the model before it
    std::optional<RankingComparison> m_movedByLike;
    std::optional<RankingComparison> m_movedByRisk;
    qint64 m_comparedModel = 0;        ///< the model the comparison's newer list was scored by
    QString m_movesText;               ///< "Retrained CLEP-PN on 64 answers (2 new)"
    bool m_retrainWhenScored = false;  ///< feedback from the map came before the list was scored
    int m_movedSort = 0;               ///< 0 the ordering, 1 Moved descending, 2 Moved ascending

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
    QPushButton *m_modelsPage = nullptr;
    QCheckBox *m_autoRetrain = nullptr;
    QWidget *m_retrainRow = nullptr;
    QProgressBar *m_retrainBar = nullptr;
    QLabel *m_retrainLabel = nullptr;
    QPushButton *m_cancelRetrain = nullptr;
    QLabel *m_moves = nullptr;
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
