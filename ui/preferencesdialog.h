#pragma once

#include <QAudioDevice>
#include <QDialog>

class QComboBox;
class QLabel;
class QSlider;

namespace tastelab {

/// Audio output device and volume. Stored in QSettings ("audio/outputDevice", "audio/volume").
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    /// The chosen device; null means "system default".
    QAudioDevice device() const;
    /// 0..1
    float volume() const;

    /// The stored choice (null device = default; a stored device that is gone gives null too).
    static QAudioDevice storedDevice();
    static float storedVolume();
    /// Stores the dialog's values in QSettings.
    void store() const;

private:
    void fillDevices();

    QComboBox *m_devices = nullptr;
    QSlider *m_volume = nullptr;
    QLabel *m_volumeLabel = nullptr;
};

} // namespace tastelab
