#include "survey/surveystyle.h"

#include "uistyle.h"

#include <QAbstractButton>
#include <QLabel>
#include <QScrollArea>

namespace tastelab::surveystyle {

namespace {
void scaleFont(QWidget *widget, double factor, bool bold)
{
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    widget->setFont(font);
}
} // namespace

void makeTitle(QLabel *label)
{
    scaleFont(label, 2.2, true);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
}

void makeSubtitle(QLabel *label)
{
    scaleFont(label, 1.3, false);
    label->setWordWrap(true);
    uistyle::makeSecondary(label);
}

void makeBody(QLabel *label)
{
    scaleFont(label, 1.25, false);
    label->setWordWrap(true);
}

QScrollArea *scrolledText(const QString &objectName, QWidget *parent, QLabel **label)
{
    auto *text = new QLabel(parent);
    text->setObjectName(objectName);
    text->setTextFormat(Qt::PlainText);
    text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    makeBody(text);
    auto *scroll = new QScrollArea(parent);
    scroll->setWidget(text);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMaximumWidth(780);
    scroll->setMinimumWidth(480);
    *label = text;
    return scroll;
}

void makePrimaryButton(QAbstractButton *button)
{
    scaleFont(button, 1.4, true);
    button->setMinimumSize(220, 56);
}

void makeAnswerButton(QAbstractButton *button)
{
    scaleFont(button, 1.8, true);
    button->setMinimumHeight(120);
    button->setFocusPolicy(Qt::NoFocus); // keys go to the clip page, not to a focused button
    button->setStyleSheet(QStringLiteral(
        "QPushButton { border: 2px solid palette(mid); border-radius: 14px; padding: 12px;"
        " background: palette(base); }"
        "QPushButton:hover { border-color: palette(highlight); }"
        "QPushButton:pressed { background: palette(highlight); color: palette(highlighted-text); }"
        "QPushButton:disabled { color: palette(mid); border-color: palette(midlight);"
        " background: palette(window); }"));
}

} // namespace tastelab::surveystyle
