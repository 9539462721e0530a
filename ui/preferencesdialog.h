#pragma once

#include <QAudioDevice>
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;

namespace tastelab {

/// Audio output device and volume, the user's folder of encoder models and the interface language.
/// Stored in QSettings ("audio/outputDevice", "audio/volume", "models/userFolder", "ui/language").
/// A new language applies the next time the program starts; the dialog says so when one is chosen.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    /// The chosen device; null means "system default".
    QAudioDevice device() const;
    /// 0..1
    float volume() const;
    /// The chosen language code ("en", "ko"), empty for the system default.
    QString language() const;

    /// The stored choice (null device = default; a stored device that is gone gives null too).
    static QAudioDevice storedDevice();
    static float storedVolume();
    /// Stores the dialog's values in QSettings.
    void store() const;

private:
    void fillDevices();
    void updateLanguageNote();

    QComboBox *m_devices = nullptr;
    QSlider *m_volume = nullptr;
    QLabel *m_volumeLabel = nullptr;
    QLineEdit *m_modelsFolder = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_languageNote = nullptr;
};

} // namespace tastelab
