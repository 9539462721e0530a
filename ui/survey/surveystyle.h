#pragma once

class QAbstractButton;
class QLabel;

namespace tastelab::surveystyle {

/// Shared looks of the participant-facing pages: large, calm, readable.
void makeTitle(QLabel *label);
void makeSubtitle(QLabel *label);
void makeBody(QLabel *label);
void makePrimaryButton(QAbstractButton *button);
void makeAnswerButton(QAbstractButton *button);

} // namespace tastelab::surveystyle
