#pragma once

#include "study/studysettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tastelab {

/// The study file: a human-readable description of a study (JSON or YAML) that a researcher can
/// edit, version and share (docs/study-file.md). Read into StudySettings, validated against the
/// schema with line-numbered errors. QtCore only.
class StudyFile {
public:
    enum class Format { Json, Yaml };

    /// The outcome of reading a study file.
    struct Result {
        bool ok = false;
        StudySettings settings;
        /// Each "FILE:LINE: reason" (or "FILE: reason" where no line applies), in file order.
        QStringList errors;
        QByteArray content; ///< the file's bytes as read
        QString hash;       ///< hex SHA-256 of content

        QString errorText() const { return errors.join(QLatin1Char('\n')); }
    };

    /// Yaml for .yaml / .yml, else Json.
    static Format formatFor(const QString &path);
    /// Reads, parses and validates a file. On failure, errors name the file.
    static Result read(const QString &path);
    /// Parses and validates content; displayName is used in messages.
    static Result parse(const QByteArray &content, Format format, const QString &displayName);

    /// The file's text for these settings, keys in the documented order.
    static QByteArray serialize(const StudySettings &settings, Format format);
    /// Writes serialize() atomically (QSaveFile). False with *error naming the file.
    static bool write(const QString &path, const StudySettings &settings, QString *error);

    /// Hex SHA-256 of bytes.
    static QString hash(const QByteArray &content);
    /// The study file's usual place next to a study database: "<folder>/<base>.study.json" (or .yaml).
    static QString defaultPathFor(const QString &studyPath, Format format = Format::Json);
};

} // namespace tastelab
