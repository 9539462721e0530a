#include "preferencesdialog.h"

#include "language.h"
#include "uistyle.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMediaDevices>
#include <QSettings>
#include <QSpinBox>

#include <cmath>
#include <QSlider>
#include <QVBoxLayout>

namespace tastelab {

namespace {
const QString kDeviceKey = QStringLiteral("audio/outputDevice");
const QString kVolumeKey = QStringLiteral("audio/volume");
const QString kModelsKey = QStringLiteral("models/userFolder");
const QString kRandomShareKey = QStringLiteral("listener/randomShare");

/// The output device with this id; null (the system default) for an empty or vanished id.
QAudioDevice outputById(const QByteArray &id)
{
    if (id.isEmpty())
        return QAudioDevice();
    for (const QAudioDevice &device : QMediaDevices::audioOutputs())
        if (device.id() == id)
            return device;
    return QAudioDevice();
}
} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    setMinimumWidth(480);

    m_devices = new QComboBox(this);
    m_devices->setObjectName(QStringLiteral("outputDeviceCombo"));
    m_devices->setMinimumWidth(320);
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setObjectName(QStringLiteral("volumeSlider"));
    m_volume->setRange(0, 100);
    m_volume->setValue(qRound(storedVolume() * 100));
    m_volumeLabel = new QLabel(this);
    m_volumeLabel->setMinimumWidth(48);

    auto *volumeRow = new QHBoxLayout;
    volumeRow->addWidget(m_volume, 1);
    volumeRow->addWidget(m_volumeLabel);

    m_modelsFolder = new QLineEdit(QSettings().value(kModelsKey).toString(), this);
    m_modelsFolder->setObjectName(QStringLiteral("modelsFolderEdit"));
    m_modelsFolder->setPlaceholderText(
        QDir::toNativeSeparators(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/models")));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder with encoder models"), m_modelsFolder->text());
        if (!dir.isEmpty())
            m_modelsFolder->setText(dir);
    });
    auto *modelsRow = new QHBoxLayout;
    modelsRow->addWidget(m_modelsFolder, 1);
    modelsRow->addWidget(browse);

    // Language names stay in their own language, so that anyone finds theirs.
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    for (const language::Language &l : language::available())
        m_language->addItem(l.code == QLatin1String("en") ? l.nativeName
                                                          : QStringLiteral("%1 (%2)").arg(l.nativeName, QLocale::languageToString(QLocale(l.code).language())),
                            l.code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(language::stored())));
    m_languageNote = new QLabel(this);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    uistyle::makeSecondary(m_languageNote);
    connect(m_language, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateLanguageNote);

    // A row whose field is a layout gets no buddy from QFormLayout: without one, the label would
    // show its "&" instead of a mnemonic.
    auto *modelsLabel = new QLabel(tr("&Models folder:"), this);
    modelsLabel->setBuddy(m_modelsFolder);

    auto *form = new QFormLayout;
    form->addRow(tr("Audio &output:"), m_devices);
    form->addRow(tr("Volume:"), volumeRow);
    form->addRow(modelsLabel, modelsRow);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(m_languageNote);
    m_randomShare = new QSpinBox(this);
    m_randomShare->setObjectName(QStringLiteral("randomShareSpin"));
    m_randomShare->setRange(0, 100);
    m_randomShare->setSuffix(QStringLiteral(" %"));
    m_randomShare->setValue(int(std::lround(100 * storedRandomShare())));
    m_randomShare->setToolTip(tr("Learn my taste: after the first 20 clips, this share is still drawn at random so that "
                                 "what Tastelab learns stays unbiased; the rest are the clips it is least sure about. "
                                 "Applies when a library is next opened."));
    form->addRow(tr("&Random clips when learning my taste:"), m_randomShare);

    auto *hint = new QLabel(tr("Clips are loudness-normalised, so every clip plays at about the same "
                               "level. Set the volume once, before the first participant."),
                            this);
    hint->setWordWrap(true);
    uistyle::makeSecondary(hint);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);

    connect(m_volume, &QSlider::valueChanged, this,
            [this](int value) { m_volumeLabel->setText(tr("%1 %").arg(value)); });
    m_volumeLabel->setText(tr("%1 %").arg(m_volume->value()));
    fillDevices();
    updateLanguageNote();
}

void PreferencesDialog::updateLanguageNote()
{
    const QString chosen = language();
    const QString effective = chosen.isEmpty() ? language::systemLanguage() : chosen;
    // Texts are set when the widgets are made: a new language needs a new start.
    m_languageNote->setText(effective == language::current()
                                ? QString()
                                : tr("Tastelab will use the new language the next time it starts."));
    m_languageNote->setVisible(!m_languageNote->text().isEmpty());
}

void PreferencesDialog::fillDevices()
{
    m_devices->clear();
    m_devices->addItem(tr("System default (%1)").arg(QMediaDevices::defaultAudioOutput().description()),
                       QByteArray());
    const QByteArray stored = QSettings().value(kDeviceKey).toByteArray();
    for (const QAudioDevice &device : QMediaDevices::audioOutputs()) {
        m_devices->addItem(device.description(), device.id());
        if (!stored.isEmpty() && device.id() == stored)
            m_devices->setCurrentIndex(m_devices->count() - 1);
    }
}

QAudioDevice PreferencesDialog::device() const
{
    return outputById(m_devices->currentData().toByteArray());
}

float PreferencesDialog::volume() const
{
    return float(m_volume->value()) / 100.0f;
}

QString PreferencesDialog::language() const { return m_language->currentData().toString(); }

QAudioDevice PreferencesDialog::storedDevice()
{
    return outputById(QSettings().value(kDeviceKey).toByteArray());
}

float PreferencesDialog::storedVolume()
{
    return qBound(0.0f, QSettings().value(kVolumeKey, 1.0).toFloat(), 1.0f);
}

double PreferencesDialog::storedRandomShare()
{
    return qBound(0.0, QSettings().value(kRandomShareKey, 0.3).toDouble(), 1.0);
}

void PreferencesDialog::store() const
{
    QSettings settings;
    settings.setValue(kRandomShareKey, m_randomShare->value() / 100.0);
    settings.setValue(kDeviceKey, m_devices->currentData().toByteArray());
    settings.setValue(kVolumeKey, volume());
    settings.setValue(kModelsKey, m_modelsFolder->text().trimmed());
    language::store(language());
}

} // namespace tastelab
