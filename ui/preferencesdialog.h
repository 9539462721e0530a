#pragma once

#include <QAudioDevice>
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;

namespace tastelab {

/// Audio output device and volume, the user's folder of encoder models, the interface language and
/// listener mode's share of random clips. Stored in QSettings ("audio/outputDevice", "audio/volume",
/// "models/userFolder", "ui/language", "listener/randomShare").
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
    /// Listener mode's share of random clips after the warm-up, 0..1 (default 0.3).
    static double storedRandomShare();
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
    QSpinBox *m_randomShare = nullptr;
};

} // namespace tastelab
