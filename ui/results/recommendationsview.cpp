#include "recommendationsview.h"
#include "results/explanationview.h"

#include "uistyle.h"

#include "study/study.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <functional>
#include <limits>

namespace tastelab {

namespace {

constexpr int kExcerpts = 3; ///< excerpts per track, scored and averaged (see libraryExcerpts)

// MovedColumn comes last in the model (the other columns keep their numbers) and is shown before
// the feedback buttons.
enum Column { RankColumn, PlayColumn, TitleColumn, ArtistColumn, GenreColumn, LikeColumn, RiskColumn, FeedbackColumn,
              MovedColumn, ColumnCount };
enum Role { ValueRole = Qt::UserRole + 1, FeedbackRole, TrackRole };

QString percent(double p)
{
    return std::isnan(p) ? QStringLiteral("—") : QStringLiteral("%1 %").arg(qRound(p * 100));
}

QColor blend(const QColor &a, const QColor &b, double share)
{
    const auto mix = [share](int x, int y) { return int(std::lround(x * (1 - share) + y * share)); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

const QColor kLikeColour(46, 160, 67);
const QColor kRiskColour(214, 88, 60);

} // namespace

// --- the table model: the items in the current ordering ---

class RecommendationModel : public QAbstractTableModel {
public:
    explicit RecommendationModel(QObject *parent) : QAbstractTableModel(parent) {}

    void setItems(QVector<Recommendation> items, int excerpts)
    {
        beginResetModel();
        m_items = std::move(items);
        m_excerpts = excerpts;
        m_rowOf.clear();
        m_rowOf.reserve(m_items.size());
        for (int i = 0; i < m_items.size(); ++i)
            m_rowOf.insert(m_items[i].track.id, i);
        endResetModel();
    }
    void setRiskAvailable(bool available) { m_riskAvailable = available; }
    /// What moved at the last retraining, in the ordering shown (nullptr: nothing to show).
    void setComparison(const RankingComparison *comparison)
    {
        m_comparison = comparison;
        if (!m_items.isEmpty())
            Q_EMIT dataChanged(index(0, MovedColumn), index(int(m_items.size()) - 1, MovedColumn));
    }
    const RankChange *changeOf(const Recommendation &r) const { return m_comparison ? m_comparison->find(r.track.id) : nullptr; }

    const QVector<Recommendation> &items() const { return m_items; }
    /// The item with the feedback given since it was scored.
    Recommendation item(int row) const
    {
        Recommendation r = m_items[row];
        r.feedback = feedbackOf(r);
        return r;
    }
    int feedbackOf(const Recommendation &r) const { return m_feedback.value(r.track.id, r.feedback); }

    /// Feedback given on the list. Kept aside (the items are shared with the view's sorted copies,
    /// which would otherwise be copied whole on the first change of a big list).
    void setFeedback(qint64 trackId, int feedback)
    {
        m_feedback.insert(trackId, feedback);
        const int row = m_rowOf.value(trackId, -1);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    void setFeedback(const QHash<qint64, int> &feedback) { m_feedback = feedback; }
    /// Repaints the play button of a track (its state lives in the player).
    void touchPlay(qint64 trackId)
    {
        const int row = m_rowOf.value(trackId, -1);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, PlayColumn), index(row, PlayColumn));
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_items.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_items.size())
            return {};
        const Recommendation &r = m_items[index.row()];
        const int feedback = feedbackOf(r);
        switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
            case RankColumn: return r.rank;
            case TitleColumn: return r.track.title;
            case ArtistColumn: return r.track.artist;
            case GenreColumn: return r.track.genre;
            case LikeColumn: return percent(r.likeProbability);
            case RiskColumn: return percent(r.dislikeRisk);
            case FeedbackColumn:
                return feedback == 1 ? RecommendationsView::tr("Liked")
                    : feedback == 0  ? RecommendationsView::tr("Not for me")
                                     : QString();
            case MovedColumn: {
                const RankChange *c = changeOf(r);
                if (!c)
                    return QString();
                const QString score = scoreChangeText(*c);
                return score.isEmpty() ? rankChangeText(*c)
                                       : QStringLiteral("%1  %2").arg(rankChangeText(*c), score);
            }
            default: return {};
            }
        case FeedbackRole: return feedback;
        case TrackRole: return r.track.id;
        case ValueRole:
            if (index.column() == MovedColumn) {
                // Sorting key: places risen; new tracks above every riser, tracks not compared last.
                const RankChange *c = changeOf(r);
                return !c ? QVariant() : c->isNew() ? QVariant(std::numeric_limits<int>::max()) : QVariant(c->rankChange());
            }
            return index.column() == LikeColumn ? r.likeProbability
                : index.column() == RiskColumn  ? r.dislikeRisk
                                                : QVariant();
        case Qt::ForegroundRole:
            if (index.column() == MovedColumn)
                if (const RankChange *c = changeOf(r)) {
                    if (c->isNew() || c->rankChange() > 0)
                        return QBrush(kLikeColour.darker(115));
                    if (c->rankChange() < 0)
                        return QBrush(kRiskColour.darker(110));
                }
            return {};
        case Qt::ToolTipRole:
            switch (index.column()) {
            case TitleColumn: return r.track.path;
            case LikeColumn:
                return RecommendationsView::tr("Like probability %1, the mean over %2 of %3 excerpts of the track")
                    .arg(r.likeProbability, 0, 'f', 3)
                    .arg(r.excerpts)
                    .arg(m_excerpts);
            case RiskColumn:
                return std::isnan(r.dislikeRisk)
                    ? RecommendationsView::tr("No dislike risk for this track")
                    : RecommendationsView::tr("CLEP-N rates a dislike at %1 (1 − its mean like probability)")
                          .arg(r.dislikeRisk, 0, 'f', 3);
            case FeedbackColumn:
                return RecommendationsView::tr("Wrong about this track? “Like”: you like it; “Not for me”: you do not. "
                                               "Saved as an answer, and the model learns from it (retrained in the "
                                               "background).");
            case MovedColumn: {
                const RankChange *c = changeOf(r);
                if (!c)
                    return {};
                if (c->isNew())
                    return RecommendationsView::tr("New in the list since the retraining: #%1 with %2")
                        .arg(c->rank)
                        .arg(percent(c->likeProbability));
                return RecommendationsView::tr("Before the retraining #%1 with %2, now #%3 with %4%5")
                    .arg(c->previousRank)
                    .arg(percent(c->previousLikeProbability))
                    .arg(c->rank)
                    .arg(percent(c->likeProbability))
                    .arg(c->isRated() ? RecommendationsView::tr(" (you rated it: not counted in the summary)")
                                      : QString());
            }
            default: return {};
            }
        case Qt::TextAlignmentRole:
            return index.column() == RankColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        default: return {};
        }
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal)
            return {};
        if (role == Qt::DisplayRole) {
            switch (section) {
            case RankColumn: return QStringLiteral("#");
            case PlayColumn: return QString();
            case TitleColumn: return RecommendationsView::tr("Title");
            case ArtistColumn: return RecommendationsView::tr("Artist");
            case GenreColumn: return RecommendationsView::tr("Genre");
            case LikeColumn: return RecommendationsView::tr("Like score");
            case RiskColumn: return RecommendationsView::tr("Dislike risk");
            case FeedbackColumn: return RecommendationsView::tr("Your feedback");
            case MovedColumn: return RecommendationsView::tr("Moved");
            default: return {};
            }
        }
        if (role == Qt::ToolTipRole) {
            switch (section) {
            case RankColumn: return RecommendationsView::tr("Place in the current ordering");
            case LikeColumn:
                return RecommendationsView::tr("The model's like probability, averaged over %1 excerpts spread over "
                                               "the track")
                    .arg(m_excerpts);
            case RiskColumn:
                return m_riskAvailable
                    ? RecommendationsView::tr("1 − CLEP-N's like probability: CLEP-N learns above all what you "
                                              "dislike")
                    : RecommendationsView::tr("Train CLEP-N on the Models page to see the dislike risk");
            case FeedbackColumn:
                return RecommendationsView::tr("Saved as an answer; retraining the model learns from it");
            case MovedColumn:
                return RecommendationsView::tr("Places moved at the last retraining (▲ up, ▼ down) and the change of "
                                               "the like score. Click to sort by it; click again to reverse, a third "
                                               "time to go back to the ordering.");
            default: return {};
            }
        }
        return {};
    }

private:
    QVector<Recommendation> m_items;
    QHash<qint64, int> m_rowOf;
    QHash<qint64, int> m_feedback; ///< track -> 1 liked, 0 not for me
    int m_excerpts = kExcerpts;
    bool m_riskAvailable = false;
    const RankingComparison *m_comparison = nullptr;
};

// --- filters: genre, minimum like score, text ---

class RecommendationFilter : public QSortFilterProxyModel {
public:
    RecommendationFilter(RecommendationModel *source, QObject *parent) : QSortFilterProxyModel(parent), m_source(source)
    {
        setSourceModel(source);
    }

    void setGenre(const QString &genre)
    {
        if (genre == m_genre)
            return;
        m_genre = genre;
        invalidate(); // a full re-mapping: far quicker than removing rows one range at a time on a big list
    }
    QString genre() const { return m_genre; }
    void setMinimum(double minimum)
    {
        if (minimum == m_minimum)
            return;
        m_minimum = minimum;
        invalidate(); // a full re-mapping: far quicker than removing rows one range at a time on a big list
    }
    void setText(const QString &text)
    {
        const QString t = text.trimmed();
        if (t == m_text)
            return;
        m_text = t;
        invalidate(); // a full re-mapping: far quicker than removing rows one range at a time on a big list
    }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        // Only the Moved column sorts (the Order buttons choose the ranking): by places risen,
        // then by rank; tracks without a comparison last in either direction.
        const QVariant a = left.data(ValueRole), b = right.data(ValueRole);
        const bool descending = sortOrder() == Qt::DescendingOrder;
        if (a.isValid() != b.isValid())
            return descending ? !a.isValid() : a.isValid();
        if (a.isValid() && a.toInt() != b.toInt())
            return a.toInt() < b.toInt();
        const int rankA = m_source->items()[left.row()].rank, rankB = m_source->items()[right.row()].rank;
        return descending ? rankA > rankB : rankA < rankB;
    }

    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        const Recommendation &r = m_source->items()[row];
        if (!m_genre.isEmpty() && r.track.genre != m_genre)
            return false;
        if (r.likeProbability < m_minimum)
            return false;
        if (!m_text.isEmpty() && !r.track.title.contains(m_text, Qt::CaseInsensitive)
            && !r.track.artist.contains(m_text, Qt::CaseInsensitive))
            return false;
        return true;
    }

private:
    RecommendationModel *m_source;
    QString m_genre;
    double m_minimum = 0;
    QString m_text;
};

// --- the delegate: score bars and the row's buttons, painted (no widget per row) ---

class RecommendationDelegate : public QStyledItemDelegate {
public:
    using Action = RecommendationsView::Action;

    RecommendationDelegate(QTableView *view, std::function<qint64()> playing, std::function<bool()> canPlay)
        : QStyledItemDelegate(view), m_view(view), m_playing(std::move(playing)), m_canPlay(std::move(canPlay))
    {
        view->viewport()->setMouseTracking(true);
        view->viewport()->installEventFilter(this);
    }

    std::function<void(int proxyRow, Action action)> clicked;

    /// The buttons of a cell and where they lie within rect.
    QVector<QPair<Action, QRect>> buttons(int column, const QRect &rect) const
    {
        QVector<QPair<Action, QRect>> out;
        const QFontMetrics fm = m_view->fontMetrics();
        const int h = std::min(rect.height() - 4, fm.height() + 10);
        const int top = rect.top() + (rect.height() - h) / 2;
        int x = rect.left() + 4;
        if (column == PlayColumn) {
            out.append({Action::Play, QRect(x, top, playWidth(fm), h)});
        } else if (column == FeedbackColumn) {
            const int like = fm.horizontalAdvance(likeText()) + 24;
            out.append({Action::Like, QRect(x, top, like, h)});
            x += like + 6;
            out.append({Action::NotForMe, QRect(x, top, fm.horizontalAdvance(notForMeText()) + 24, h)});
        }
        return out;
    }
    /// Width the button columns need.
    int columnWidth(int column) const
    {
        const auto b = buttons(column, QRect(0, 0, 1000, rowHeight()));
        return b.isEmpty() ? 0 : b.last().second.right() + 6;
    }
    int rowHeight() const { return m_view->fontMetrics().height() + 14; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int column = index.column();
        if (column != PlayColumn && column != FeedbackColumn && column != LikeColumn && column != RiskColumn) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        // The cell's background (selection, alternate rows) without text.
        QStyleOptionViewItem cell(option);
        initStyleOption(&cell, index);
        cell.text.clear();
        QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, option.widget);

        if (column == LikeColumn || column == RiskColumn) {
            paintBar(painter, option, index.data(ValueRole).toDouble(), column == LikeColumn ? kLikeColour : kRiskColour);
            return;
        }
        const int feedback = index.data(FeedbackRole).toInt();
        const qint64 trackId = index.data(TrackRole).toLongLong();
        for (const auto &[action, rect] : buttons(column, option.rect)) {
            QStyleOptionButton b;
            b.rect = rect;
            b.palette = option.palette;
            b.fontMetrics = option.fontMetrics;
            b.direction = option.direction;
            b.state = QStyle::State_None;
            bool enabled = true;
            bool on = false;
            if (action == Action::Play) {
                const bool playing = trackId != 0 && m_playing() == trackId;
                b.text = playing ? stopText() : playText();
                b.icon = style->standardIcon(playing ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay, nullptr, option.widget);
                b.iconSize = QSize(12, 12);
                enabled = m_canPlay();
                on = playing;
            } else {
                b.text = action == Action::Like ? likeText() : notForMeText();
                on = (action == Action::Like && feedback == 1) || (action == Action::NotForMe && feedback == 0);
                if (on)
                    b.palette.setColor(QPalette::Button, blend(option.palette.color(QPalette::Button),
                                                               action == Action::Like ? kLikeColour : kRiskColour, 0.35));
            }
            if (enabled && (option.state & QStyle::State_Enabled))
                b.state |= QStyle::State_Enabled;
            if (m_hoverRow == index.row() && m_hoverAction == int(action))
                b.state |= QStyle::State_MouseOver;
            if (m_pressedRow == index.row() && m_pressedAction == int(action))
                b.state |= QStyle::State_Sunken;
            b.state |= on ? QStyle::State_On : QStyle::State_Raised;
            style->drawControl(QStyle::CE_PushButton, &b, painter, option.widget);
        }
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setHeight(std::max(s.height(), rowHeight()));
        if (index.column() == PlayColumn || index.column() == FeedbackColumn)
            s.setWidth(columnWidth(index.column()));
        return s;
    }

    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override
    {
        const int column = index.column();
        if (column != PlayColumn && column != FeedbackColumn)
            return QStyledItemDelegate::editorEvent(event, model, option, index);
        if (event->type() != QEvent::MouseButtonPress && event->type() != QEvent::MouseButtonRelease
            && event->type() != QEvent::MouseButtonDblClick)
            return false;
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            return false;
        int hit = -1;
        for (const auto &[action, rect] : buttons(column, option.rect))
            if (rect.contains(mouse->position().toPoint()))
                hit = int(action);
        if (event->type() == QEvent::MouseButtonPress) {
            m_pressedRow = hit >= 0 ? index.row() : -1;
            m_pressedAction = hit;
            m_view->viewport()->update(option.rect);
            return hit >= 0;
        }
        if (event->type() == QEvent::MouseButtonDblClick)
            return hit >= 0;
        const bool click = hit >= 0 && m_pressedRow == index.row() && m_pressedAction == hit;
        m_pressedRow = m_pressedAction = -1;
        m_view->viewport()->update(option.rect);
        if (click && clicked && (hit != int(Action::Play) || m_canPlay()))
            clicked(index.row(), Action(hit));
        return hit >= 0;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_view->viewport()) {
            if (event->type() == QEvent::MouseMove) {
                const QPoint pos = static_cast<QMouseEvent *>(event)->position().toPoint();
                const QModelIndex index = m_view->indexAt(pos);
                int row = -1, action = -1;
                if (index.isValid())
                    for (const auto &[a, rect] : buttons(index.column(), m_view->visualRect(index)))
                        if (rect.contains(pos)) {
                            row = index.row();
                            action = int(a);
                        }
                setHover(row, action);
            } else if (event->type() == QEvent::Leave) {
                setHover(-1, -1);
            }
        }
        return QStyledItemDelegate::eventFilter(watched, event);
    }

private:
    static QString playText() { return RecommendationsView::tr("Play"); }
    static QString stopText() { return RecommendationsView::tr("Stop"); }
    static QString likeText() { return RecommendationsView::tr("Like"); }
    static QString notForMeText() { return RecommendationsView::tr("Not for me"); }
    static int playWidth(const QFontMetrics &fm)
    {
        return std::max(fm.horizontalAdvance(playText()), fm.horizontalAdvance(stopText())) + 12 + 6 + 24;
    }

    void paintBar(QPainter *painter, const QStyleOptionViewItem &option, double value, const QColor &colour) const
    {
        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        const QFontMetrics fm = option.fontMetrics;
        const QRect r = option.rect.adjusted(6, 0, -6, 0);
        const int textWidth = fm.horizontalAdvance(QStringLiteral("100 %")) + 8;
        painter->setPen(text);
        painter->drawText(QRect(r.left(), r.top(), textWidth - 8, r.height()), Qt::AlignRight | Qt::AlignVCenter,
                          percent(value));
        const int barHeight = std::max(6, fm.height() / 2);
        const QRectF bar(r.left() + textWidth, r.top() + (r.height() - barHeight) / 2.0, r.width() - textWidth, barHeight);
        if (bar.width() > 8) {
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(blend(option.palette.color(QPalette::Base), text, 0.15));
            painter->drawRoundedRect(bar, barHeight / 2.0, barHeight / 2.0);
            if (!std::isnan(value) && value > 0) {
                QRectF fill = bar;
                fill.setWidth(std::max<qreal>(barHeight, bar.width() * std::clamp(value, 0.0, 1.0)));
                painter->setBrush(colour);
                painter->drawRoundedRect(fill, barHeight / 2.0, barHeight / 2.0);
            }
        }
        painter->restore();
    }

    void setHover(int row, int action)
    {
        if (row == m_hoverRow && action == m_hoverAction)
            return;
        m_hoverRow = row;
        m_hoverAction = action;
        m_view->viewport()->update();
    }

    QTableView *m_view;
    std::function<qint64()> m_playing;
    std::function<bool()> m_canPlay;
    int m_hoverRow = -1;
    int m_hoverAction = -1;
    int m_pressedRow = -1;
    int m_pressedAction = -1;
};

// --- the view ---

struct RecommendationsView::Outcome {
    bool ok = false;
    QString error;
    Recommendations recommendations;
    QVector<Recommendation> byLike; ///< ranked by like probability
    QVector<Recommendation> byRisk; ///< ranked by dislike risk (empty without CLEP-N)
    QStringList genres;             ///< of the scored tracks, sorted
};

namespace {

/// Sorted and numbered in that order (on the worker: sorting 100k tracks takes a while).
QVector<Recommendation> ranked(QVector<Recommendation> items)
{
    for (int i = 0; i < items.size(); ++i)
        items[i].rank = i + 1;
    return items;
}

} // namespace

RecommendationsView::RecommendationsView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("recommendationsView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);

    m_controls = new QWidget(this);
    auto *controls = new QVBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    m_modelLabel = new QLabel(m_controls);
    m_modelLabel->setObjectName(QStringLiteral("recommendationsModelLabel"));
    m_modelLabel->setWordWrap(true);
    uistyle::makeSecondary(m_modelLabel);
    controls->addWidget(m_modelLabel);

    auto *order = new QHBoxLayout;
    order->addWidget(new QLabel(tr("Order:"), m_controls));
    m_byLike = new QRadioButton(tr("Most likely to like"), m_controls);
    m_byLike->setObjectName(QStringLiteral("orderByLikeRadio"));
    m_byLike->setChecked(true);
    m_byLike->setToolTip(tr("Highest like probability first"));
    m_bySafety = new QRadioButton(tr("Lowest risk of dislike (CLEP-N)"), m_controls);
    m_bySafety->setObjectName(QStringLiteral("orderByRiskRadio"));
    order->addWidget(m_byLike);
    order->addWidget(m_bySafety);
    order->addStretch(1);
    m_autoRetrain = new QCheckBox(tr("Retrain after feedback"), m_controls);
    m_autoRetrain->setObjectName(QStringLiteral("autoRetrainCheck"));
    m_autoRetrain->setToolTip(tr("A moment after your last “Like” or “Not for me”, train the list's model again "
                                 "on your answers in the background and show what moved"));
    m_autoRetrain->setChecked(QSettings().value(QStringLiteral("recommendations/retrainAfterFeedback"), true).toBool());
    order->addWidget(m_autoRetrain);
    controls->addLayout(order);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Genre:"), m_controls));
    m_genre = new QComboBox(m_controls);
    m_genre->setObjectName(QStringLiteral("genreFilterCombo"));
    m_genre->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    filters->addWidget(m_genre);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("Like score at least:"), m_controls));
    m_minScore = new QSpinBox(m_controls);
    m_minScore->setObjectName(QStringLiteral("minScoreSpin"));
    m_minScore->setRange(0, 100);
    m_minScore->setSingleStep(5);
    m_minScore->setSuffix(QStringLiteral(" %"));
    filters->addWidget(m_minScore);
    filters->addSpacing(12);
    m_search = new QLineEdit(m_controls);
    m_search->setObjectName(QStringLiteral("recommendationSearchEdit"));
    m_search->setPlaceholderText(tr("Search title or artist"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(180);
    filters->addWidget(m_search, 1);
    filters->addSpacing(12);
    m_exportM3u = new QPushButton(tr("Export M3U…"), m_controls);
    m_exportM3u->setObjectName(QStringLiteral("exportM3uButton"));
    m_exportM3u->setToolTip(tr("Save the tracks shown as a playlist, in this order"));
    m_exportCsv = new QPushButton(tr("Export CSV…"), m_controls);
    m_exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportCsv->setToolTip(tr("Save the tracks shown with their scores as CSV"));
    filters->addWidget(m_exportM3u);
    filters->addWidget(m_exportCsv);
    controls->addLayout(filters);
    layout->addWidget(m_controls);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("retrainBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    {
        QPalette p = m_banner->palette();
        p.setColor(QPalette::Window, blend(p.color(QPalette::Window), p.color(QPalette::Highlight), 0.18));
        m_banner->setPalette(p);
    }
    auto *banner = new QHBoxLayout(m_banner);
    banner->setContentsMargins(10, 6, 6, 6);
    m_bannerLabel = new QLabel(m_banner);
    m_bannerLabel->setObjectName(QStringLiteral("retrainBannerLabel"));
    m_bannerLabel->setWordWrap(true);
    m_retrain = new QPushButton(tr("Retrain now"), m_banner);
    m_retrain->setObjectName(QStringLiteral("retrainButton"));
    m_modelsPage = new QPushButton(tr("Models page…"), m_banner);
    m_modelsPage->setObjectName(QStringLiteral("retrainModelsPageButton"));
    m_modelsPage->setToolTip(tr("Train with other models or settings on the Models page"));
    banner->addWidget(m_bannerLabel, 1);
    banner->addWidget(m_retrain);
    banner->addWidget(m_modelsPage);
    m_banner->hide();
    layout->addWidget(m_banner);

    // Retraining on feedback: what runs, its progress and Cancel.
    m_retrainRow = new QWidget(this);
    m_retrainRow->setObjectName(QStringLiteral("retrainRow"));
    auto *retrainRow = new QHBoxLayout(m_retrainRow);
    retrainRow->setContentsMargins(0, 0, 0, 0);
    m_retrainBar = new QProgressBar(m_retrainRow);
    m_retrainBar->setObjectName(QStringLiteral("retrainProgress"));
    m_retrainBar->setMaximumWidth(160);
    m_retrainBar->setTextVisible(false);
    m_retrainLabel = new QLabel(m_retrainRow);
    m_retrainLabel->setObjectName(QStringLiteral("retrainLabel"));
    m_retrainLabel->setWordWrap(true);
    m_cancelRetrain = new QPushButton(tr("Cancel"), m_retrainRow);
    m_cancelRetrain->setObjectName(QStringLiteral("cancelRetrainButton"));
    m_cancelRetrain->setToolTip(tr("Stop the retraining; your feedback stays saved"));
    retrainRow->addWidget(m_retrainBar);
    retrainRow->addWidget(m_retrainLabel, 1);
    retrainRow->addWidget(m_cancelRetrain);
    m_retrainRow->hide();
    layout->addWidget(m_retrainRow);

    // What moved at the last retraining.
    m_moves = new QLabel(this);
    m_moves->setObjectName(QStringLiteral("recommendationsMovesLabel"));
    m_moves->setWordWrap(true);
    m_moves->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_moves->setFrameShape(QFrame::StyledPanel);
    m_moves->setMargin(6);
    m_moves->setAutoFillBackground(true);
    {
        QPalette p = m_moves->palette();
        p.setColor(QPalette::Window, blend(p.color(QPalette::Window), kLikeColour, 0.12));
        m_moves->setPalette(p);
    }
    m_moves->hide();
    layout->addWidget(m_moves);

    m_busyRow = new QWidget(this);
    auto *busy = new QHBoxLayout(m_busyRow);
    busy->setContentsMargins(0, 0, 0, 0);
    m_busyBar = new QProgressBar(m_busyRow);
    m_busyBar->setObjectName(QStringLiteral("recommendationsBusyBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(160);
    m_busyLabel = new QLabel(m_busyRow);
    busy->addWidget(m_busyBar);
    busy->addWidget(m_busyLabel, 1);
    m_busyRow->hide();
    layout->addWidget(m_busyRow);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("recommendationsNoticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    layout->addWidget(m_notice);

    m_stack = new QStackedWidget(this);
    m_model = new RecommendationModel(this);
    m_filter = new RecommendationFilter(m_model, this);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("recommendationsTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_delegate = new RecommendationDelegate(
        m_table, [this] { return playingTrack(); }, [this] { return m_player != nullptr; });
    m_table->setItemDelegate(m_delegate);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_delegate->rowHeight());
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSortIndicatorShown(true); // the ordering, or the Moved column when sorted by it
    const QFontMetrics fm = m_table->fontMetrics();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RankColumn, QHeaderView::Fixed);
    header->resizeSection(RankColumn, fm.horizontalAdvance(QStringLiteral("99999")) + 12);
    header->setSectionResizeMode(PlayColumn, QHeaderView::Fixed);
    header->resizeSection(PlayColumn, m_delegate->columnWidth(PlayColumn));
    header->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    header->resizeSection(ArtistColumn, fm.horizontalAdvance(QLatin1Char('x')) * 22);
    header->resizeSection(GenreColumn, fm.horizontalAdvance(QLatin1Char('x')) * 14);
    header->resizeSection(LikeColumn, fm.horizontalAdvance(QStringLiteral("100 %")) + 100);
    header->resizeSection(RiskColumn, fm.horizontalAdvance(QStringLiteral("100 %")) + 100);
    header->setSectionResizeMode(FeedbackColumn, QHeaderView::Fixed);
    header->resizeSection(FeedbackColumn, m_delegate->columnWidth(FeedbackColumn));
    header->resizeSection(MovedColumn, fm.horizontalAdvance(QStringLiteral("\u25B2999  \u22120.00")) + 16);
    header->moveSection(header->visualIndex(MovedColumn), header->visualIndex(FeedbackColumn));
    m_table->setColumnHidden(MovedColumn, true); // until a retraining is compared
    // Clicking the Moved header sorts by it; Like score and Dislike risk choose the ordering.
    header->setSectionsClickable(true);
    connect(header, &QHeaderView::sectionClicked, this, &RecommendationsView::onHeaderClicked);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &RecommendationsView::showRowMenu);
    m_stack->addWidget(m_table);

    auto *messagePage = new QWidget(m_stack);
    auto *messageLayout = new QVBoxLayout(messagePage);
    m_messageLabel = uistyle::stateLabel(QStringLiteral("recommendationsStateLabel"), messagePage);
    m_messageLabel->setAlignment(Qt::AlignCenter);
    m_messageLabel->setMaximumWidth(560);
    {
        QFont f = m_messageLabel->font();
        f.setPointSizeF(f.pointSizeF() * 1.15);
        m_messageLabel->setFont(f);
    }
    // Centred, at most ~560 px wide; no alignment flag on the label (that would drop its
    // height-for-width and clip the wrapped lines).
    auto *messageRow = new QHBoxLayout;
    messageRow->addStretch(1);
    messageRow->addWidget(m_messageLabel, 4);
    messageRow->addStretch(1);
    messageLayout->addStretch(1);
    messageLayout->addLayout(messageRow);
    messageLayout->addStretch(2);
    m_stack->addWidget(messagePage);
    layout->addWidget(m_stack, 1);

    auto *bottom = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("recommendationsSummaryLabel"));
    uistyle::makeSecondary(m_summary);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("recommendationsStatusLabel"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_status);
    layout->addLayout(bottom);

    m_delegate->clicked = [this](int proxyRow, Action action) {
        const QModelIndex source = m_filter->mapToSource(m_filter->index(proxyRow, 0));
        if (source.isValid())
            onAction(source.row(), action);
    };
    connect(m_byLike, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setOrdering(Ordering::LikeProbability);
    });
    connect(m_bySafety, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setOrdering(Ordering::DislikeRisk);
    });
    connect(m_genre, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setGenre(m_genre->currentData().toString());
        updateFilterSummary();
    });
    connect(m_minScore, &QSpinBox::valueChanged, this, [this](int value) {
        m_filter->setMinimum(value / 100.0);
        updateFilterSummary();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateFilterSummary();
    });
    connect(m_exportM3u, &QPushButton::clicked, this, [this] { chooseExport(true); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExport(false); });
    connect(m_retrain, &QPushButton::clicked, this, [this] { retrainNow(); });
    connect(m_modelsPage, &QPushButton::clicked, this, [this] {
        Q_EMIT retrainRequested(m_result.participant, m_scoredBy.encoder.isEmpty() ? m_result.encoder : m_scoredBy.encoder);
    });
    connect(m_autoRetrain, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("recommendations/retrainAfterFeedback"), on);
        if (!on && m_retrainTimer->isActive()) { // waiting: the banner offers it instead
            m_retrainTimer->stop();
            if (!m_retraining)
                m_before.reset();
            updateRetrainRow();
            updateBanner();
        }
    });
    m_trainer = new TrainingService(this);
    m_retrainTimer = new QTimer(this);
    m_retrainTimer->setSingleShot(true);
    m_retrainTimer->setInterval(1500);
    connect(m_retrainTimer, &QTimer::timeout, this, &RecommendationsView::startRetrain);
    connect(m_trainer, &TrainingService::epochFinished, this, &RecommendationsView::onRetrainEpoch);
    connect(m_trainer, &TrainingService::finished, this, &RecommendationsView::onRetrainFinished);
    connect(m_cancelRetrain, &QPushButton::clicked, this, &RecommendationsView::cancelRetraining);
    // Keys on the list, as in the survey: Space plays or stops the current row, L likes it, D marks
    // it not for me.
    const auto onCurrent = [this](const std::function<void(int row)> &f) {
        return [this, f] {
            const QModelIndex current = m_table->currentIndex();
            if (current.isValid())
                f(current.row());
        };
    };
    new QShortcut(QKeySequence(Qt::Key_Space), m_table, onCurrent([this](int row) { togglePlay(row); }),
                  Qt::WidgetShortcut);
    new QShortcut(QKeySequence(Qt::Key_L), m_table, onCurrent([this](int row) { onAction(sourceRowOf(row), Action::Like); }),
                  Qt::WidgetShortcut);
    new QShortcut(QKeySequence(Qt::Key_D), m_table,
                  onCurrent([this](int row) { onAction(sourceRowOf(row), Action::NotForMe); }), Qt::WidgetShortcut);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.column() != PlayColumn && index.column() != FeedbackColumn)
            togglePlay(index.row());
    });
    start();
}

RecommendationsView::~RecommendationsView()
{
    // A job still running finishes on the pool with its own connection; its result is dropped.
    if (playingTrack() != 0)
        m_player->stop();
}

void RecommendationsView::setStudy(Study *study)
{
    if (study == m_study)
        return;
    if (playingTrack() != 0)
        m_player->stop();
    m_playingTrack = 0;
    // A retraining of the other study's model is dropped (cancelled), and so is what moved.
    m_retrainTimer->stop();
    if (m_retraining)
        m_trainer->cancel();
    m_retraining = false;
    m_retrainJob = 0;
    m_before.reset();
    m_expectModel = 0;
    clearComparison();
    updateRetrainRow();
    m_study = study;
    m_participant.clear();
    m_encoder.clear();
    m_requestedModel = 0;
    start();
}

void RecommendationsView::setPlayer(ClipPlayer *player)
{
    if (player == m_player)
        return;
    if (m_player) {
        if (playingTrack() != 0)
            m_player->stop();
        disconnect(m_player, nullptr, this, nullptr);
    }
    m_player = player;
    m_playingTrack = 0;
    if (m_player) {
        const auto ended = [this] {
            if (m_playingTrack == 0 || m_player->currentRequest() != m_playingRequest)
                return;
            const qint64 track = m_playingTrack;
            m_playingTrack = 0;
            m_model->touchPlay(track);
        };
        connect(m_player, &ClipPlayer::finished, this, ended);
        connect(m_player, &ClipPlayer::failed, this, [this, ended](const QString &message) {
            if (m_playingTrack != 0 && m_player->currentRequest() == m_playingRequest)
                m_status->setText(message);
            ended();
        });
        connect(m_player, &ClipPlayer::started, this, [this] {
            if (m_playingTrack != 0)
                m_model->touchPlay(m_playingTrack);
        });
    }
    m_table->viewport()->update();
}

void RecommendationsView::setParticipant(const QString &code, const QString &encoder, qint64 modelId)
{
    if (m_busy && code == m_participant && encoder == m_encoder && modelId == m_requestedModel)
        return; // that very list is being scored now
    if (code != m_participant)
        m_retrainWhenScored = false;
    m_participant = code;
    m_encoder = encoder;
    m_requestedModel = modelId;
    start();
}

void RecommendationsView::refresh() { start(); }

bool RecommendationsView::isBusy() const { return m_busy; }

int RecommendationsView::rowCount() const { return m_stack->currentWidget() == m_table ? m_filter->rowCount() : 0; }

Recommendation RecommendationsView::itemAt(int row) const
{
    const QModelIndex source = m_filter->mapToSource(m_filter->index(row, 0));
    return source.isValid() ? m_model->item(source.row()) : Recommendation{};
}

QVector<Recommendation> RecommendationsView::visibleItems() const
{
    QVector<Recommendation> items;
    items.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row)
        items.append(m_model->item(m_filter->mapToSource(m_filter->index(row, 0)).row()));
    return items;
}

QString RecommendationsView::stateText() const { return m_stack->currentWidget() == m_table ? QString() : m_messageLabel->text(); }

QString RecommendationsView::bannerText() const { return m_banner->isHidden() ? QString() : m_bannerLabel->text(); }

void RecommendationsView::start(bool evenHidden)
{
    if (!evenHidden && window()->isVisible() && !isVisible()) {
        m_stale = true; // on a hidden tab of a shown window: scored when the tab is shown
        return;
    }
    m_stale = false;
    ++m_requestId; // a result still on its way is dropped
    m_busy = false;
    m_busyRow->hide();
    m_pendingFeedback.clear();
    m_status->clear();
    const auto fail = [this](const QString &message) {
        m_haveResult = false;
        m_result = Recommendations{};
        m_rankedByLike.clear();
        m_rankedByRisk.clear();
        m_model->setItems({}, kExcerpts);
        showMessage(message);
    };
    if (!m_study)
        return fail(tr("No study is open. Open or create a study on the Study page first."));
    if (m_participant.isEmpty())
        return fail(tr("Choose a participant to see the tracks they have not heard yet, ranked by their model."));
    const auto participant = m_study->participant(m_participant);
    if (!participant)
        return fail(tr("There is no participant %1 in this study.").arg(m_participant));

    // The model: the one asked for, else the newest CLEP-PN (else the newest of any kind) on the
    // chosen embeddings.
    const QVector<TrainedModel> models = storedModels(*m_study, *participant);
    std::optional<TrainedModel> chosen;
    if (m_requestedModel != 0) {
        for (const TrainedModel &m : models)
            if (m.id == m_requestedModel)
                chosen = m;
        if (!chosen)
            return fail(tr("Model %1 of %2 is no longer in the study: choose another or train one on the Models page.")
                            .arg(m_requestedModel)
                            .arg(m_participant));
    } else {
        chosen = defaultRecommendationModel(models, m_encoder);
        if (!chosen)
            return fail(m_encoder.isEmpty() || models.isEmpty()
                            ? tr("No model trained yet for %1: train one on the Models page, then come back for "
                                 "their recommendations.")
                                  .arg(m_participant)
                            : tr("No model trained on %1 embeddings yet for %2: train one on the Models page, then "
                                 "come back for their recommendations.")
                                  .arg(m_encoder, m_participant));
    }
    m_haveSafeModel = false;
    for (const TrainedModel &m : models)
        m_haveSafeModel |= m.model == QLatin1String("clep-n") && m.encoder == chosen->encoder;

    // The same list, or its model retrained: the old list stays shown until the new one is in.
    const bool sameList = m_haveResult && m_result.participant == m_participant
        && (m_scoredBy.id == chosen->id || (m_expectModel != 0 && chosen->id == m_expectModel));
    m_scoredBy = *chosen;
    RecommendationRequest request;
    request.participant = m_participant;
    request.modelId = chosen->id;
    request.excerpts = kExcerpts;

    m_busy = true;
    m_busyLabel->setText(tr("Scoring the tracks %1 has not heard with %2…").arg(m_participant, uistyle::modelName(chosen->model)));
    m_busyRow->show();
    if (!sameList) {
        m_haveResult = false;
        m_result = Recommendations{};
        m_rankedByLike.clear();
        m_rankedByRisk.clear();
        m_model->setItems({}, kExcerpts);
        showMessage(tr("Scoring the tracks %1 has not heard…").arg(m_participant));
    }
    updateControls();
    updateModelLabel();

    const quint64 id = m_requestId;
    const QString path = m_study->path();
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, id] {
        watcher->deleteLater();
        onFinished(id, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path, request]() {
        Outcome outcome;
        auto study = Study::open(path, &outcome.error); // one connection per thread
        if (study)
            outcome.ok = recommend(*study, request, &outcome.recommendations, &outcome.error);
        if (outcome.ok) {
            const QVector<Recommendation> &items = outcome.recommendations.items;
            outcome.byLike = ranked(byLikeProbability(items));
            if (outcome.recommendations.safeModelId != 0)
                outcome.byRisk = ranked(byDislikeRisk(items));
            QSet<QString> genres;
            for (const Recommendation &r : items)
                genres.insert(r.track.genre);
            outcome.genres = QStringList(genres.begin(), genres.end());
            outcome.genres.sort(Qt::CaseInsensitive);
        }
        return outcome;
    }));
}

void RecommendationsView::onFinished(quint64 requestId, const Outcome &outcome)
{
    if (requestId != m_requestId)
        return; // superseded
    m_busy = false;
    m_busyRow->hide();
    if (!outcome.ok) {
        m_haveResult = false;
        m_result = Recommendations{};
        m_rankedByLike.clear();
        m_rankedByRisk.clear();
        m_model->setItems({}, kExcerpts);
        if (m_expectModel != 0) { // the list of a retrained model: nothing to compare with
            m_expectModel = 0;
            m_before.reset();
        }
        clearComparison();
        showMessage(tr("The recommendations could not be made: %1").arg(outcome.error));
        updateControls();
        Q_EMIT refreshed();
        return;
    }
    m_result = outcome.recommendations;
    m_rankedByLike = outcome.byLike;
    m_rankedByRisk = outcome.byRisk;
    m_haveResult = true;
    m_haveSafeModel = m_result.safeModelId != 0;
    if (!m_haveSafeModel && m_ordering == Ordering::DislikeRisk)
        m_ordering = Ordering::LikeProbability;
    // The list of a retrained model: compare it with the list before the feedback. Another list
    // (another participant or model) drops the comparison; the same list scored again keeps it.
    if (m_before && m_expectModel != 0 && m_scoredBy.id == m_expectModel
        && m_before->scoredBy.participant == m_result.participant) {
        m_movedByLike = compareRankings(m_before->byLike, m_rankedByLike);
        if (!m_before->byRisk.isEmpty() && !m_rankedByRisk.isEmpty())
            m_movedByRisk = compareRankings(m_before->byRisk, m_rankedByRisk);
        else
            m_movedByRisk.reset();
        m_comparedModel = m_scoredBy.id;
        QStringList names;
        for (const QString &m : qAsConst(m_retrainModels))
            names << uistyle::modelName(m);
        m_movesText = m_retrainNewAnswers == 1
            ? tr("Retrained %1 on %2 answers (1 new)").arg(names.join(QStringLiteral(", "))).arg(m_retrainAnswers)
            : tr("Retrained %1 on %2 answers (%3 new)")
                  .arg(names.join(QStringLiteral(", ")))
                  .arg(m_retrainAnswers)
                  .arg(m_retrainNewAnswers);
        m_before.reset();
        m_expectModel = 0;
        m_status->setText(tr("Retrained: the list is scored with the new model."));
    } else if (m_comparedModel != m_scoredBy.id) {
        clearComparison();
    }
    // Feedback given on the old list while this one was scored (the job may have read the answers
    // before it was saved).
    m_model->setFeedback(m_pendingFeedback);
    m_pendingFeedback.clear();
    applyOrdering();
    fillGenres(outcome.genres);

    if (m_result.unheardTracks == 0) {
        showMessage(tr("%1 has heard every track of the library: nothing is left to recommend. Import more music "
                       "on the Study page to get recommendations.")
                        .arg(m_result.participant));
    } else if (m_result.items.isEmpty()) {
        showMessage(tr("None of the %n track(s) %1 has not heard has %2 embeddings yet: extract library excerpts on "
                       "the Features page, then come back.", "", m_result.unheardTracks)
                        .arg(m_result.participant, m_result.encoder));
    } else {
        showList();
    }
    // recommend()'s notes (tracks left out or scored on fewer excerpts, an encoder changed since
    // training), less the missing CLEP-N, which the ordering option and the model line explain.
    QStringList notes;
    if (!m_result.items.isEmpty())
        for (const QString &line : m_result.notice.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (m_haveSafeModel || !line.contains(QLatin1String("CLEP-N")))
                notes << line.at(0).toUpper() + line.mid(1) + (line.endsWith(QLatin1Char('.')) ? QString() : QStringLiteral("."));
    m_notice->setText(notes.join(QLatin1Char('\n')));
    m_notice->setVisible(!notes.isEmpty());
    updateModelLabel();
    updateBanner();
    updateControls();
    if (m_retrainWhenScored) {
        m_retrainWhenScored = false;
        scheduleRetrain();
    }
    Q_EMIT refreshed();
}

void RecommendationsView::showMessage(const QString &text)
{
    m_message = text;
    m_messageLabel->setText(text);
    m_stack->setCurrentIndex(1);
    if (!m_haveResult) {
        m_notice->hide();
        m_banner->hide();
    }
    updateControls();
    updateFilterSummary();
}

void RecommendationsView::showList()
{
    m_message.clear();
    m_stack->setCurrentWidget(m_table);
    updateFilterSummary();
}

bool RecommendationsView::setOrdering(Ordering ordering)
{
    if (ordering == Ordering::DislikeRisk && !m_haveSafeModel) {
        const QSignalBlocker block(m_byLike);
        m_byLike->setChecked(m_ordering == Ordering::LikeProbability);
        return false;
    }
    {
        const QSignalBlocker a(m_byLike), b(m_bySafety);
        m_byLike->setChecked(ordering == Ordering::LikeProbability);
        m_bySafety->setChecked(ordering == Ordering::DislikeRisk);
    }
    if (ordering == m_ordering) {
        sortByMoved(false);
        return true;
    }
    m_ordering = ordering;
    m_movedSort = 0;
    m_filter->sort(-1);
    if (m_haveResult) {
        applyOrdering();
        updateFilterSummary();
    } else {
        showComparison();
    }
    return true;
}

void RecommendationsView::setSteering(const QHash<qint64, double> &scores)
{
    if (scores.isEmpty() && m_steering.isEmpty())
        return;
    m_steering = scores;
    if (m_haveResult)
        applyOrdering();
    updateFilterSummary();
}

void RecommendationsView::applyOrdering()
{
    // rank: the place in the ordering shown
    m_model->setRiskAvailable(m_haveSafeModel);
    if (m_ordering == Ordering::LikeProbability && !m_steering.isEmpty()) {
        // The taste profile's sliders: re-ranked by the adjusted scores.
        QVector<Recommendation> items = m_rankedByLike;
        const auto score = [this](const Recommendation &r) { return m_steering.value(r.track.id, r.likeProbability); };
        std::stable_sort(items.begin(), items.end(),
                         [&](const Recommendation &a, const Recommendation &b) { return score(a) > score(b); });
        for (int i = 0; i < items.size(); ++i)
            items[i].rank = i + 1;
        m_model->setItems(items, kExcerpts);
    } else {
        m_model->setItems(m_ordering == Ordering::DislikeRisk && m_haveSafeModel ? m_rankedByRisk : m_rankedByLike,
                          kExcerpts);
    }
    m_table->setColumnHidden(RiskColumn, !m_haveSafeModel);
    showComparison();
    {
        const QSignalBlocker a(m_byLike), b(m_bySafety);
        m_byLike->setChecked(m_ordering == Ordering::LikeProbability);
        m_bySafety->setChecked(m_ordering == Ordering::DislikeRisk);
    }
}

void RecommendationsView::setGenreFilter(const QString &genre)
{
    const int i = m_genre->findData(genre);
    if (i >= 0) {
        m_genre->setCurrentIndex(i);
    } else { // not among the scored tracks: nothing matches
        const QSignalBlocker block(m_genre);
        m_genre->setCurrentIndex(-1);
        m_filter->setGenre(genre);
        updateFilterSummary();
    }
}

void RecommendationsView::setMinimumScore(double probability)
{
    {
        const QSignalBlocker block(m_minScore);
        m_minScore->setValue(qRound(probability * 100));
    }
    m_filter->setMinimum(probability);
    updateFilterSummary();
}

void RecommendationsView::setTextFilter(const QString &text) { m_search->setText(text); }

void RecommendationsView::fillGenres(const QStringList &genres)
{
    const QString current = m_filter->genre();
    const QSignalBlocker block(m_genre);
    m_genre->clear();
    m_genre->addItem(tr("All genres"), QString());
    for (const QString &g : genres)
        m_genre->addItem(g.isEmpty() ? tr("(no genre)") : g, g);
    const int i = current.isEmpty() ? 0 : m_genre->findData(current);
    m_genre->setCurrentIndex(std::max(0, i));
    m_filter->setGenre(m_genre->currentData().toString());
}

void RecommendationsView::updateFilterSummary()
{
    if (!m_haveResult || m_result.items.isEmpty()) {
        m_summary->clear();
        return;
    }
    const int shown = m_filter->rowCount();
    int liked = 0, notForMe = 0;
    for (const Recommendation &r : m_result.items) {
        const int feedback = m_model->feedbackOf(r);
        liked += feedback == 1;
        notForMe += feedback == 0;
    }
    QString text = shown == m_result.items.size()
        ? tr("%n track(s) not heard yet", "", int(m_result.items.size()))
        : tr("Showing %1 of %n track(s) not heard yet", "", int(m_result.items.size())).arg(shown);
    if (liked + notForMe > 0)
        text += tr(" · feedback: %1 liked, %2 not for me").arg(liked).arg(notForMe);
    if (!m_steering.isEmpty() && m_ordering == Ordering::LikeProbability)
        text += tr(" · re-ranked by the taste profile's sliders (Reset there for the model's ranking)");
    text += tr(" · keys on the list: Space plays or stops, L like, D not for me");
    m_summary->setText(text);
    if (m_message.isEmpty()) {
        if (shown == 0) {
            m_messageLabel->setText(tr("No track matches the filters: choose another genre, lower the minimum like "
                                       "score or clear the search."));
            m_stack->setCurrentIndex(1);
        } else {
            m_stack->setCurrentWidget(m_table);
        }
    }
    m_exportM3u->setEnabled(shown > 0);
    m_exportCsv->setEnabled(shown > 0);
}

void RecommendationsView::updateBanner()
{
    if (!m_study || !m_haveResult || m_result.participant.isEmpty() || isRetraining()) { // (the retrain row says it)
        m_banner->hide();
        return;
    }
    const int n = feedbackSince(*m_study, m_result.participant, m_scoredBy.createdAt);
    if (n <= 0) {
        m_banner->hide();
        return;
    }
    m_bannerLabel->setText(n == 1 ? tr("1 new answer from your feedback since this model was trained.")
                                  : tr("%1 new answers from your feedback since this model was trained.").arg(n));
    m_retrain->setToolTip(tr("Train %1's models again on %2 embeddings with these answers")
                              .arg(m_result.participant, m_scoredBy.encoder));
    m_banner->show();
}

void RecommendationsView::updateControls()
{
    const bool list = m_haveResult && !m_result.items.isEmpty();
    m_controls->setVisible(list);
    m_summary->setVisible(list);
    // While the same list is scored again it stays usable (the new one replaces it, filters kept).
    m_bySafety->setEnabled(m_haveSafeModel);
    m_bySafety->setToolTip(m_haveSafeModel
                               ? tr("Lowest dislike risk first, as CLEP-N sees it: CLEP-N is trained above all on "
                                    "what %1 dislikes, so these are the safest picks")
                                     .arg(m_participant)
                               : tr("Needs a CLEP-N model: train CLEP-N for %1 on the Models page").arg(m_participant));
    const bool rows = list && m_filter->rowCount() > 0;
    m_exportM3u->setEnabled(rows);
    m_exportCsv->setEnabled(rows);
}

void RecommendationsView::updateModelLabel()
{
    if (m_scoredBy.id == 0 || m_participant.isEmpty()) {
        m_modelLabel->clear();
        return;
    }
    const QString trained = m_scoredBy.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const double clip = m_study ? m_study->settings().clipSeconds : 0;
    const bool listener = m_study && m_study->settings().listener;
    QString text = listener ? tr("Scored by your %1 model on %2 embeddings, trained %3.")
                                  .arg(uistyle::modelName(m_scoredBy.model), m_scoredBy.encoder, trained)
                            : tr("Scored by %1's %2 model on %3 embeddings, trained %4.")
                                  .arg(m_participant, uistyle::modelName(m_scoredBy.model), m_scoredBy.encoder, trained);
    text += QLatin1Char('\n');
    text += tr("Like score: the mean like probability over %1 excerpts of %2 s spread over each track.")
                .arg(kExcerpts)
                .arg(clip);
    text += QLatin1Char(' ');
    text += m_haveSafeModel ? tr("Dislike risk: 1 − the like probability of their CLEP-N model.")
                            : tr("Train CLEP-N on the Models page to order by the lowest risk of dislike.");
    m_modelLabel->setText(text);
}

int RecommendationsView::sourceRowOf(int row) const
{
    const QModelIndex source = m_filter->mapToSource(m_filter->index(row, 0));
    return source.isValid() ? source.row() : -1;
}

void RecommendationsView::onAction(int sourceRow, Action action)
{
    if (sourceRow < 0 || sourceRow >= m_model->rowCount())
        return;
    const QModelIndex proxy = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!proxy.isValid())
        return;
    if (action == Action::Play) {
        togglePlay(proxy.row());
        return;
    }
    QString error;
    if (!giveFeedback(proxy.row(), action == Action::Like, &error))
        m_status->setText(error);
}

std::optional<ClipRequest> RecommendationsView::requestFor(const Track &track) const
{
    if (!m_study)
        return std::nullopt;
    const QString file = m_study->resolveTrackPath(track);
    if (file.isEmpty())
        return std::nullopt;
    const StudySettings settings = m_study->settings();
    // The middle one of the excerpts that were scored: the middle of the track.
    const QVector<ClipKey> excerpts = libraryExcerpts(track, settings.clipSeconds, kExcerpts);
    ClipRequest request;
    request.path = file;
    if (!excerpts.isEmpty()) {
        const ClipKey &clip = excerpts[excerpts.size() / 2];
        request.startSeconds = clip.startSeconds;
        request.lengthSeconds = clip.lengthSeconds;
    } else {
        request.lengthSeconds = settings.clipSeconds;
    }
    request.fadeMs = settings.fadeMs;
    request.targetRmsDbfs = settings.targetRmsDbfs;
    return request;
}

qint64 RecommendationsView::playingTrack() const
{
    if (!m_player || m_playingTrack == 0 || m_player->currentRequest() != m_playingRequest)
        return 0;
    const ClipPlayer::State s = m_player->state();
    return s == ClipPlayer::State::Loading || s == ClipPlayer::State::Playing || s == ClipPlayer::State::Paused
        ? m_playingTrack
        : 0;
}

bool RecommendationsView::togglePlay(int row)
{
    if (!m_player || row < 0 || row >= m_filter->rowCount())
        return false;
    const Recommendation item = itemAt(row);
    const qint64 playing = playingTrack();
    if (playing == item.track.id) { // a second click stops
        m_player->stop();
        m_playingTrack = 0;
        m_model->touchPlay(item.track.id);
        return true;
    }
    const auto request = requestFor(item.track);
    if (!request) {
        m_status->setText(tr("The music file of “%1” cannot be found (%2).").arg(item.track.title, item.track.path));
        return false;
    }
    m_status->clear();
    m_player->play(*request);
    m_playingTrack = item.track.id;
    m_playingRequest = *request;
    if (playing != 0)
        m_model->touchPlay(playing);
    m_model->touchPlay(item.track.id);
    return true;
}

bool RecommendationsView::giveFeedback(int row, bool like, QString *error)
{
    if (!m_study || !m_haveResult || row < 0 || row >= m_filter->rowCount()) {
        if (error)
            *error = tr("No such row.");
        return false;
    }
    const Recommendation item = itemAt(row);
    QString why;
    if (!recordFeedback(*m_study, m_result.participant, item.track.id, like, &why)) {
        if (error)
            *error = tr("The feedback could not be saved: %1").arg(why);
        return false;
    }
    const int value = like ? 1 : 0;
    const bool changed = item.feedback != value;
    if (m_busy)
        m_pendingFeedback.insert(item.track.id, value);
    m_model->setFeedback(item.track.id, value);
    m_status->setText(like ? tr("Saved: you like “%1”.").arg(item.track.title)
                           : tr("Saved: “%1” is not for you.").arg(item.track.title));
    if (changed)
        scheduleRetrain();
    updateBanner();
    updateFilterSummary();
    return true;
}

void RecommendationsView::noteFeedback(const QString &participant, const QList<qint64> &trackIds, bool like)
{
    if (participant != m_participant || trackIds.isEmpty())
        return; // the list is someone else's
    if (!m_haveResult || participant != m_result.participant) {
        // Not scored yet (e.g. its tab was never shown): score it now, then retrain.
        if (!m_autoRetrain->isChecked())
            return;
        m_retrainWhenScored = true;
        if (!m_busy)
            start(true);
        return;
    }
    const int value = like ? 1 : 0;
    for (qint64 id : trackIds) {
        if (m_busy)
            m_pendingFeedback.insert(id, value);
        m_model->setFeedback(id, value);
    }
    scheduleRetrain();
    updateBanner();
    updateFilterSummary();
}

// --- retraining on feedback ---

void RecommendationsView::setAutoRetrain(bool on) { m_autoRetrain->setChecked(on); }

bool RecommendationsView::autoRetrain() const { return m_autoRetrain->isChecked(); }

void RecommendationsView::setRetrainDelay(int ms) { m_retrainTimer->setInterval(std::max(0, ms)); }

bool RecommendationsView::isRetraining() const { return m_retraining || m_retrainTimer->isActive(); }

QString RecommendationsView::movesText() const { return m_moves->isHidden() ? QString() : m_moves->text(); }

const RankingComparison *RecommendationsView::comparison() const
{
    const auto &c = m_ordering == Ordering::DislikeRisk ? m_movedByRisk : m_movedByLike;
    return c ? &*c : nullptr;
}

void RecommendationsView::captureBefore()
{
    if (m_before || !m_haveResult || m_scoredBy.id == 0)
        return;
    m_before = Before{m_scoredBy, m_rankedByLike, m_rankedByRisk};
}

void RecommendationsView::scheduleRetrain()
{
    if (!m_autoRetrain->isChecked() || !m_study || !m_haveResult || m_scoredBy.id == 0)
        return;
    captureBefore();
    m_retrainTimer->start(); // again: quick answers make one retraining
    m_cancelRetrain->setEnabled(true);
    updateRetrainRow();
    updateBanner();
}

bool RecommendationsView::retrainNow()
{
    if (!m_study || !m_haveResult || m_scoredBy.id == 0)
        return false;
    captureBefore();
    m_retrainTimer->stop();
    startRetrain();
    return m_retraining;
}

void RecommendationsView::startRetrain()
{
    if (!m_study || !m_before) {
        updateRetrainRow();
        return;
    }
    TrainingRequest request;
    QString error;
    const qint64 safe = m_haveSafeModel && m_result.participant == m_before->scoredBy.participant ? m_result.safeModelId : 0;
    if (!feedbackRetrainingRequest(*m_study, m_before->scoredBy.id, safe, &request, &error)) {
        m_status->setText(tr("Cannot retrain: %1").arg(error));
        m_before.reset();
        updateRetrainRow();
        updateBanner();
        return;
    }
    // A list still being scored for an earlier retraining is not compared on its own any more:
    // this retraining's list is compared with the list before all of the feedback.
    m_expectModel = 0;
    m_retrainModels = request.models;
    m_retrainNewAnswers = feedbackSince(*m_study, request.participant, m_before->scoredBy.createdAt);
    m_retrainJob = m_trainer->start(request); // supersedes (and so stops) one still running
    m_retraining = true;
    m_retrainBar->setRange(0, 0);
    m_cancelRetrain->setEnabled(true);
    updateRetrainRow();
    updateBanner();
}

void RecommendationsView::onRetrainEpoch(quint64 jobId, const QString &model, const train::EpochLog &epoch)
{
    if (jobId != m_retrainJob || !m_retraining || m_retrainModels.isEmpty())
        return;
    // Each model's share of the bar; a CLEP model's embedder stage is its first half.
    const int index = std::max(0, int(m_retrainModels.indexOf(model)));
    const bool clep = model.startsWith(QLatin1String("clep"));
    const double stageDone = epoch.epochs > 0 ? double(epoch.epoch) / epoch.epochs : 0.0;
    const double within = !clep ? stageDone : epoch.stage == "embedder" ? 0.5 * stageDone : 0.5 + 0.5 * stageDone;
    m_retrainBar->setRange(0, 1000);
    m_retrainBar->setValue(int(std::lround(1000.0 * (index + within) / m_retrainModels.size())));
    m_retrainLabel->setText(tr("Retraining %1's %2 on your feedback: %3, epoch %4 of %5. The list stays usable.")
                                .arg(m_before ? m_before->scoredBy.participant : m_participant, uistyle::modelName(model),
                                     QString::fromStdString(epoch.stage))
                                .arg(epoch.epoch)
                                .arg(epoch.epochs));
}

void RecommendationsView::onRetrainFinished(quint64 jobId, const TrainingReport &report)
{
    if (jobId != m_retrainJob || !m_retraining)
        return;
    m_retraining = false;
    if (report.cancelled || !report.error.isEmpty() || !m_before) {
        m_status->setText(report.cancelled ? tr("Retraining cancelled; your feedback is saved.")
                                           : tr("Retraining failed: %1").arg(report.error));
        if (!m_retrainTimer->isActive())
            m_before.reset();
        updateRetrainRow();
        updateBanner();
        return;
    }
    qint64 newModel = 0;
    for (const TrainedModel &m : report.models)
        if (m.model == m_before->scoredBy.model)
            newModel = m.id;
    m_retrainAnswers = report.examples;
    const QString participant = m_before->scoredBy.participant;
    const QString encoder = m_before->scoredBy.encoder;
    updateRetrainRow();
    if (newModel == 0)
        return;
    if (participant == m_participant) {
        // The list follows the new model and is compared with the old one when it is scored.
        m_expectModel = newModel;
        m_requestedModel = newModel;
        m_status->setText(tr("Retrained on %1 answers; scoring the list with the new model…").arg(report.examples));
        start();
    } else {
        m_before.reset();
    }
    Q_EMIT retrained(participant, encoder, newModel);
}

void RecommendationsView::cancelRetraining()
{
    const bool waiting = m_retrainTimer->isActive();
    m_retrainTimer->stop();
    if (m_retraining) {
        m_trainer->cancel(); // stops at the next epoch; finished() says so
        m_cancelRetrain->setEnabled(false);
        m_retrainLabel->setText(tr("Cancelling the retraining…"));
        return;
    }
    if (waiting) {
        m_before.reset();
        m_status->setText(tr("Retraining cancelled; your feedback is saved."));
    }
    updateRetrainRow();
    updateBanner();
}

void RecommendationsView::updateRetrainRow()
{
    const bool waiting = m_retrainTimer->isActive() && !m_retraining;
    m_retrainRow->setVisible(waiting || m_retraining);
    if (waiting) {
        m_retrainBar->setRange(0, 0);
        m_retrainLabel->setText(tr("Retraining %1's model on your feedback in a moment (more answers are gathered "
                                   "first)…")
                                    .arg(m_before ? m_before->scoredBy.participant : m_participant));
    } else if (m_retraining && m_retrainBar->maximum() == 0) {
        QStringList names;
        for (const QString &m : qAsConst(m_retrainModels))
            names << uistyle::modelName(m);
        m_retrainLabel->setText(tr("Retraining %1's %2 on your feedback… The list stays usable.")
                                    .arg(m_before ? m_before->scoredBy.participant : m_participant,
                                         names.join(QStringLiteral(", "))));
    }
}

void RecommendationsView::clearComparison()
{
    m_movedByLike.reset();
    m_movedByRisk.reset();
    m_comparedModel = 0;
    m_movedSort = 0;
    m_filter->sort(-1);
    showComparison();
}

void RecommendationsView::showComparison()
{
    const RankingComparison *c = comparison();
    m_model->setComparison(c);
    m_table->setColumnHidden(MovedColumn, c == nullptr);
    if (!c) {
        m_moves->hide();
        m_moves->clear();
        if (m_movedSort != 0) {
            m_movedSort = 0;
            m_filter->sort(-1);
        }
    } else {
        const QString order = m_ordering == Ordering::DislikeRisk ? tr("lowest risk of dislike") : tr("like score");
        m_moves->setText(tr("%1. By %2: %3.").arg(m_movesText, order, describeMoves(*c)));
        m_moves->show();
    }
    QHeaderView *header = m_table->horizontalHeader();
    if (m_movedSort != 0)
        header->setSortIndicator(MovedColumn, m_movedSort == 1 ? Qt::DescendingOrder : Qt::AscendingOrder);
    else if (m_ordering == Ordering::DislikeRisk)
        header->setSortIndicator(RiskColumn, Qt::AscendingOrder);
    else
        header->setSortIndicator(LikeColumn, Qt::DescendingOrder);
}

void RecommendationsView::sortByMoved(bool on, Qt::SortOrder order)
{
    const int sort = !on || !comparison() ? 0 : order == Qt::DescendingOrder ? 1 : 2;
    m_movedSort = sort;
    if (sort == 0)
        m_filter->sort(-1);
    else
        m_filter->sort(MovedColumn, order);
    showComparison();
}

void RecommendationsView::onHeaderClicked(int section)
{
    if (section == MovedColumn)
        sortByMoved(m_movedSort != 2, m_movedSort == 0 ? Qt::DescendingOrder : Qt::AscendingOrder);
    else if (section == LikeColumn)
        setOrdering(Ordering::LikeProbability);
    else if (section == RiskColumn)
        setOrdering(Ordering::DislikeRisk); // (refused without CLEP-N)
    showComparison(); // the indicator shows what the rows are sorted by (other columns do not sort)
}

void RecommendationsView::showRowMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid() || !m_haveResult)
        return;
    const int row = index.row();
    const Recommendation item = itemAt(row);
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("recommendationRowMenu"));
    QAction *play = menu.addAction(playingTrack() == item.track.id ? tr("Stop") : tr("Play"));
    play->setEnabled(m_player != nullptr);
    QAction *why = menu.addAction(tr("Why this track?"));
    why->setObjectName(QStringLiteral("recommendationExplainAction"));
    why->setToolTip(tr("Play and see which parts of the track push the model towards like or dislike"));
    why->setEnabled(m_scoredBy.id != 0 && m_study);
    menu.addSeparator();
    QAction *like = menu.addAction(tr("Wrong: I like this"));
    QAction *notForMe = menu.addAction(tr("Wrong: not for me"));
    like->setCheckable(true);
    like->setChecked(item.feedback == 1);
    notForMe->setCheckable(true);
    notForMe->setChecked(item.feedback == 0);
    const qint64 trackId = item.track.id;
    QAction *chosen = menu.exec(m_table->viewport()->mapToGlobal(pos));
    // The list may have changed while the menu was open: act on the same track.
    int now = -1;
    for (int r = 0; r < m_filter->rowCount() && now < 0; ++r)
        if (itemAt(r).track.id == trackId)
            now = r;
    if (!chosen || now < 0)
        return;
    if (chosen == play) {
        togglePlay(now);
        return;
    }
    if (chosen == why) {
        explainRow(now);
        return;
    }
    QString error;
    if (!giveFeedback(now, chosen == like, &error))
        m_status->setText(error);
}

ExplanationView *RecommendationsView::explainRow(int row)
{
    if (row < 0 || row >= rowCount() || !m_study || m_scoredBy.id == 0)
        return nullptr;
    // The track's central library excerpt, which the list scored.
    return ExplanationView::openWindow(this, m_study, m_player, m_scoredBy.id, itemAt(row).track);
}

QRect RecommendationsView::actionRect(int row, Action action) const
{
    const int column = action == Action::Play ? PlayColumn : FeedbackColumn;
    const QModelIndex index = m_filter->index(row, column);
    if (!index.isValid())
        return {};
    for (const auto &[a, rect] : m_delegate->buttons(column, m_table->visualRect(index)))
        if (a == action)
            return rect;
    return {};
}

bool RecommendationsView::exportM3u(const QString &path, QString *error)
{
    const QVector<Recommendation> items = visibleItems();
    if (!m_study || items.isEmpty()) {
        if (error)
            *error = tr("There is nothing to export.");
        return false;
    }
    return writeM3u(*m_study, items, path, error);
}

bool RecommendationsView::exportCsv(const QString &path, QString *error)
{
    const QVector<Recommendation> items = visibleItems();
    if (!m_study || items.isEmpty()) {
        if (error)
            *error = tr("There is nothing to export.");
        return false;
    }
    return writeRecommendationsCsv(*m_study, items, path, error);
}

void RecommendationsView::chooseExport(bool m3u)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::MusicLocation);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QDir::homePath();
    const QString name = QStringLiteral("%1-recommendations.%2").arg(m_result.participant, m3u ? QStringLiteral("m3u")
                                                                                              : QStringLiteral("csv"));
    const QString path = QFileDialog::getSaveFileName(
        this, m3u ? tr("Export playlist") : tr("Export recommendations"), QDir(folder).filePath(name),
        m3u ? tr("M3U playlists (*.m3u *.m3u8)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    const int count = m_filter->rowCount();
    if (!(m3u ? exportM3u(path, &error) : exportCsv(path, &error))) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    m_status->setText(tr("Exported %n track(s) to %1", "", int(count)).arg(QDir::toNativeSeparators(path)));
}

void RecommendationsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        start();
}

void RecommendationsView::hideEvent(QHideEvent *event)
{
    if (playingTrack() != 0) { // the excerpt belongs to this view: leaving it stops it
        m_player->stop();
        m_model->touchPlay(m_playingTrack);
        m_playingTrack = 0;
    }
    QWidget::hideEvent(event);
}

} // namespace tastelab
