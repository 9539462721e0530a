#pragma once

class QAbstractButton;
class QLabel;
class QScrollArea;
class QString;
class QWidget;

namespace tastelab::surveystyle {

/// Shared looks of the participant-facing pages: large, calm, readable.
void makeTitle(QLabel *label);
void makeSubtitle(QLabel *label);
void makeBody(QLabel *label);
void makePrimaryButton(QAbstractButton *button);
void makeAnswerButton(QAbstractButton *button);
/// A long plain text the participant reads (instructions, consent): a selectable body label named
/// objectName, in a frameless scroll area 480-780 px wide, both children of parent. *label gets
/// the label; the scroll area is returned for the page's layout.
QScrollArea *scrolledText(const QString &objectName, QWidget *parent, QLabel **label);

} // namespace tastelab::surveystyle
