#include "startpage.h"

#include "uistyle.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tastelab {

namespace {

/// One path: a heading, what it does, and its buttons.
QFrame *choice(const QString &objectName, const QString &heading, const QString &text,
               const QList<QPushButton *> &buttons, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(objectName);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(24, 20, 24, 20);
    auto *title = new QLabel(heading, frame);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
    auto *body = new QLabel(text, frame);
    body->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(body);
    layout->addSpacing(12);
    layout->addStretch(1);
    for (QPushButton *b : buttons) {
        b->setParent(frame);
        b->setMinimumHeight(36);
        layout->addWidget(b);
    }
    return frame;
}

} // namespace

StartPage::StartPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 36, 48, 36);
    layout->addWidget(uistyle::pageTitle(tr("Welcome to Tastelab"), this));
    auto *intro = new QLabel(tr("Tastelab learns one person's music taste from what they like and, above all, what "
                                "they dislike. What would you like to do?"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addSpacing(12);

    auto *folder = new QPushButton(tr("Choose My Music Folder…"));
    folder->setObjectName(QStringLiteral("listenerFolderButton"));
    folder->setDefault(true);
    auto *demo = new QPushButton(tr("Try It on the Demo Library"));
    demo->setObjectName(QStringLiteral("listenerDemoButton"));
    auto *study = new QPushButton(tr("Go to the Study Workspace"));
    study->setObjectName(QStringLiteral("studyWorkspaceButton"));
    connect(folder, &QPushButton::clicked, this, &StartPage::listenerFolderRequested);
    connect(demo, &QPushButton::clicked, this, &StartPage::listenerDemoRequested);
    connect(study, &QPushButton::clicked, this, &StartPage::studyRequested);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(24);
    grid->addWidget(choice(QStringLiteral("listenerChoice"), tr("Learn my own taste"),
                           tr("Pick your music folder and rate short clips: like, or not for me. After the first "
                              "20 clips Tastelab asks about the tracks it is least sure of, learns in the "
                              "background while you listen, and after about ten minutes ranks the rest of your "
                              "library for you."),
                           {folder, demo}, this),
                    0, 0);
    grid->addWidget(choice(QStringLiteral("studyChoice"), tr("Run a study"),
                           tr("Set up a listening study from a folder of music: participants hear randomized clips "
                              "balanced across genres, every answer is saved at once, and you compare personal "
                              "models and embedding maps across participants."),
                           {study}, this),
                    0, 1);
    layout->addLayout(grid);
    auto *hint = new QLabel(tr("You can switch at any time from the File menu."), this);
    uistyle::makeSecondary(hint);
    layout->addWidget(hint);
    layout->addStretch(1);
}

} // namespace tastelab
