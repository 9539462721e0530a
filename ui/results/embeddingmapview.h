#pragma once

#include "playback/clipplayer.h"
#include "results/embeddingplot.h"
#include "study/results.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace tastelab {

class ClipPlayer;
class Study;

/// The "Embedding map" sub-tab of the Results page: the controls (space, colour by, unheard
/// excerpts, perplexity, select mode, export), t-SNE in the background through
/// EmbeddingMapService with progress and Cancel, the EmbeddingPlot, and the list of the clips
/// selected with the rubber band. Finished maps are cached per request, so switching back to a
/// participant shows their map at once. Clicking a point (or double-clicking a listed clip) plays
/// the clip through the ClipPlayer.
///
/// The context menu of a point (or of the selection, when the point is in it or none is under the
/// mouse) gives feedback for the map's participant: "Wrong: I like this" / "Wrong: not for me" on
/// the tracks of unheard excerpts and of clips the model predicts wrongly (or other participants'
/// clips), saved as feedback answers (recordFeedback) and announced with feedbackRecorded(), on
/// which the Results page retrains the recommendation list's model.
class EmbeddingMapView : public QWidget {
    Q_OBJECT
public:
    explicit EmbeddingMapView(QWidget *parent = nullptr);
    ~EmbeddingMapView() override;

    void setStudy(Study *study);
    void setPlayer(ClipPlayer *player);
    /// What to map: participants (the first is the main one; several = overlay in the encoder
    /// space), the encoder, and a stored model of the main participant (0 = none): its
    /// probabilities colour the points and, when it is a CLEP model, its space can be chosen.
    void setSelection(const QStringList &participants, const QString &encoder, qint64 modelId,
                      const QString &modelKind);
    /// Drops the cached maps (the study's answers, embeddings or models changed).
    void invalidate();

    /// The request the controls describe now.
    MapRequest currentRequest() const;
    bool isComputing() const;
    /// Starts t-SNE for the current request unless its map is cached (then shows it at once).
    void computeMap();
    void cancel();
    int cachedMaps() const { return int(m_cache.size()); }
    /// True when the map shown belongs to the current request.
    bool isCurrent() const { return m_shownKey == requestKey(currentRequest()) && m_plot->hasMap(); }

    EmbeddingPlot *plot() const { return m_plot; }
    void setColourBy(EmbeddingPlot::ColourBy colourBy);
    void setModelSpace(bool on);
    void setIncludeUnheard(bool on);

    /// Plays point index of the map shown; false (with the reason in the status line) when its
    /// music file is missing or there is no player.
    bool playPoint(int index);

    /// The points the context menu at pos (canvas pixels) acts on: the selection when the point
    /// under pos is in it or no point is there, else that point (empty: none).
    QVector<int> contextPoints(const QPoint &pos) const;
    /// Of points, those feedback is offered for: unheard excerpts, other participants' clips, and the
    /// main participant's clips the model predicts wrongly (liked below 0.5, disliked at 0.5 or
    /// more) or that were neutral.
    QVector<int> feedbackPoints(const QVector<int> &points) const;
    /// The context menu for canvas position pos (the caller owns it; nullptr without a map). Its
    /// feedback actions are named mapFeedbackLikeAction and mapFeedbackNotForMeAction.
    QMenu *createContextMenu(const QPoint &pos, QWidget *parent);
    /// Saves feedback of the map's participant on the tracks of points (feedbackPoints() of them),
    /// one answer per track, and emits feedbackRecorded(). False with *error when nothing could be
    /// saved.
    bool giveFeedback(const QVector<int> &points, bool like, QString *error = nullptr);

    /// Exports the map shown ("png", "svg" or "pdf").
    bool exportMap(const QString &format, const QString &path, QString *error = nullptr);

Q_SIGNALS:
    void clipPlayed(const tastelab::ClipKey &clip);
    /// Feedback of participant on these tracks was saved (see giveFeedback()).
    void feedbackRecorded(const QString &participant, const QList<qint64> &trackIds, bool like);
    /// A map finished (or came from the cache) for the current request.
    void mapShown();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    static QString requestKey(const MapRequest &request);
    void updateControls();
    void showMap(const EmbeddingMap &map);
    void showInfo(const EmbeddingMap &map);
    void updateSelectionList();
    void onProgress(quint64 job, int iteration, int iterations, double kl);
    void onFinished(quint64 job, const EmbeddingMap &map);
    void exportDialog(const QString &format);
    QString titleFor(const MapRequest &request) const;
    void loadTracks();

    Study *m_study = nullptr;
    QPointer<ClipPlayer> m_player;
    EmbeddingMapService *m_service = nullptr;
    quint64 m_job = 0;
    QString m_jobKey;
    MapRequest m_jobRequest;
    QHash<QString, EmbeddingMap> m_cache;
    QStringList m_cacheOrder;
    QString m_shownKey;
    QHash<qint64, Track> m_tracks;
    bool m_dirty = true;
    ClipRequest m_lastPlayed;
    bool m_playedHere = false;

    QStringList m_participants;
    QString m_encoder;
    qint64 m_modelId = 0;
    QString m_modelKind;

    QComboBox *m_space = nullptr;
    QComboBox *m_colour = nullptr;
    QCheckBox *m_unheard = nullptr;
    QSpinBox *m_perplexity = nullptr;
    QToolButton *m_select = nullptr;
    QPushButton *m_reset = nullptr;
    QToolButton *m_export = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_playing = nullptr;
    EmbeddingPlot *m_plot = nullptr;
    QLabel *m_selectionTitle = nullptr;
    QListWidget *m_selectionList = nullptr;
    QPushButton *m_clearSelection = nullptr;
};

} // namespace tastelab
