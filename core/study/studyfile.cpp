#include "study/studyfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <vector>

namespace tastelab {

namespace {

// ---------------------------------------------------------------------------------------------
// A parsed document that keeps line numbers (QJsonDocument does not).
// ---------------------------------------------------------------------------------------------

struct Node {
    enum class Type { Null, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    QString string;
    std::vector<Node> items;                   ///< Array
    std::vector<std::pair<QString, Node>> members; ///< Object, in file order
    std::vector<int> keyLines;                 ///< Object: line of each member's key
    int line = 0;                              ///< 1-based

    const Node *member(const QString &key) const
    {
        for (const auto &m : members)
            if (m.first == key)
                return &m.second;
        return nullptr;
    }
};

QString typeName(Node::Type type)
{
    switch (type) {
    case Node::Type::Null:
        return QCoreApplication::translate("StudyFile", "null");
    case Node::Type::Bool:
        return QCoreApplication::translate("StudyFile", "a boolean");
    case Node::Type::Number:
        return QCoreApplication::translate("StudyFile", "a number");
    case Node::Type::String:
        return QCoreApplication::translate("StudyFile", "a string");
    case Node::Type::Array:
        return QCoreApplication::translate("StudyFile", "a list");
    case Node::Type::Object:
        return QCoreApplication::translate("StudyFile", "an object");
    }
    return QString();
}

QJsonValue toJson(const Node &n)
{
    switch (n.type) {
    case Node::Type::Null:
        return QJsonValue();
    case Node::Type::Bool:
        return n.boolean;
    case Node::Type::Number:
        return n.number;
    case Node::Type::String:
        return n.string;
    case Node::Type::Array: {
        QJsonArray a;
        for (const Node &x : n.items)
            a.append(toJson(x));
        return a;
    }
    case Node::Type::Object: {
        QJsonObject o;
        for (const auto &[key, value] : n.members)
            o.insert(key, toJson(value));
        return o;
    }
    }
    return QJsonValue();
}

struct ParseError {
    int line = 0;
    QString message;
};

// --- JSON with line numbers. The text has already been accepted by QJsonDocument. ---

class JsonLineParser {
public:
    explicit JsonLineParser(const QByteArray &data) : m_data(data) {}

    Node parse(QVector<ParseError> &duplicates)
    {
        m_duplicates = &duplicates;
        skip();
        return value();
    }

private:
    void skip()
    {
        while (m_pos < m_data.size()) {
            const char c = m_data[m_pos];
            if (c == '\n')
                ++m_line;
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                return;
            ++m_pos;
        }
    }
    char peek() const { return m_pos < m_data.size() ? m_data[m_pos] : '\0'; }

    Node value()
    {
        Node n;
        n.line = m_line;
        const char c = peek();
        if (c == '{') {
            n.type = Node::Type::Object;
            ++m_pos;
            skip();
            if (peek() == '}') {
                ++m_pos;
                return n;
            }
            for (;;) {
                skip();
                const int keyLine = m_line;
                const QString key = string();
                skip();
                ++m_pos; // ':'
                skip();
                Node v = value();
                if (n.member(key))
                    m_duplicates->push_back({keyLine, QCoreApplication::translate("StudyFile", "the key '%1' appears twice").arg(key)});
                n.members.emplace_back(key, std::move(v));
                n.keyLines.push_back(keyLine);
                skip();
                if (peek() == ',') {
                    ++m_pos;
                    continue;
                }
                ++m_pos; // '}'
                return n;
            }
        }
        if (c == '[') {
            n.type = Node::Type::Array;
            ++m_pos;
            skip();
            if (peek() == ']') {
                ++m_pos;
                return n;
            }
            for (;;) {
                skip();
                n.items.push_back(value());
                skip();
                if (peek() == ',') {
                    ++m_pos;
                    continue;
                }
                ++m_pos; // ']'
                return n;
            }
        }
        if (c == '"') {
            n.type = Node::Type::String;
            n.string = string();
            return n;
        }
        if (m_data.mid(m_pos, 4) == "true") {
            n.type = Node::Type::Bool;
            n.boolean = true;
            m_pos += 4;
            return n;
        }
        if (m_data.mid(m_pos, 5) == "false") {
            n.type = Node::Type::Bool;
            m_pos += 5;
            return n;
        }
        if (m_data.mid(m_pos, 4) == "null") {
            m_pos += 4;
            return n;
        }
        const int start = m_pos;
        while (m_pos < m_data.size() && std::strchr("+-0123456789.eE", m_data[m_pos]) != nullptr)
            ++m_pos;
        n.type = Node::Type::Number;
        n.number = m_data.mid(start, m_pos - start).toDouble();
        return n;
    }

    QString string()
    {
        ++m_pos; // opening quote
        QByteArray out;
        while (m_pos < m_data.size() && m_data[m_pos] != '"') {
            char c = m_data[m_pos++];
            if (c != '\\') {
                out += c;
                continue;
            }
            c = m_data[m_pos++];
            switch (c) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'u': {
                uint code = m_data.mid(m_pos, 4).toUInt(nullptr, 16);
                m_pos += 4;
                if (code >= 0xD800 && code < 0xDC00 && m_data.mid(m_pos, 2) == "\\u") {
                    const uint low = m_data.mid(m_pos + 2, 4).toUInt(nullptr, 16);
                    m_pos += 6;
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                const char32_t ch = char32_t(code);
                out += QString::fromUcs4(&ch, 1).toUtf8();
                break;
            }
            default: // " \ /
                out += c;
            }
        }
        ++m_pos; // closing quote
        return QString::fromUtf8(out);
    }

    const QByteArray &m_data;
    int m_pos = 0;
    int m_line = 1;
    QVector<ParseError> *m_duplicates = nullptr;
};

int lineAtOffset(const QByteArray &data, int offset)
{
    return int(std::count(data.begin(), data.begin() + qBound(0, offset, int(data.size())), '\n')) + 1;
}

bool parseJson(const QByteArray &data, Node &root, QVector<ParseError> &errors)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        errors.push_back({lineAtOffset(data, error.offset), QCoreApplication::translate("StudyFile", "JSON syntax error: %1").arg(error.errorString())});
        return false;
    }
    JsonLineParser parser(data);
    root = parser.parse(errors);
    return errors.isEmpty();
}

// --- YAML through yaml-cpp ---

bool yamlNode(const YAML::Node &y, Node &out, QVector<ParseError> &errors)
{
    out.line = y.Mark().line + 1;
    switch (y.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        out.type = Node::Type::Null;
        return true;
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(y.Scalar());
        if (y.Tag() == "!") { // quoted: always a string
            out.type = Node::Type::String;
            out.string = text;
            return true;
        }
        // Plain scalars by YAML 1.2's core schema.
        static const QStringList nulls{QStringLiteral("~"), QStringLiteral("null"), QStringLiteral("Null"), QStringLiteral("NULL")};
        static const QStringList trues{QStringLiteral("true"), QStringLiteral("True"), QStringLiteral("TRUE")};
        static const QStringList falses{QStringLiteral("false"), QStringLiteral("False"), QStringLiteral("FALSE")};
        if (nulls.contains(text) || text.isEmpty()) {
            out.type = Node::Type::Null;
        } else if (trues.contains(text) || falses.contains(text)) {
            out.type = Node::Type::Bool;
            out.boolean = trues.contains(text);
        } else {
            bool ok = false;
            const double v = text.toDouble(&ok);
            if (ok && !text.startsWith(QLatin1Char('.')) && text.compare(QLatin1String("inf"), Qt::CaseInsensitive) != 0
                && text.compare(QLatin1String("nan"), Qt::CaseInsensitive) != 0) {
                out.type = Node::Type::Number;
                out.number = v;
            } else {
                out.type = Node::Type::String;
                out.string = text;
            }
        }
        return true;
    }
    case YAML::NodeType::Sequence:
        out.type = Node::Type::Array;
        for (const YAML::Node &item : y) {
            Node n;
            if (!yamlNode(item, n, errors))
                return false;
            out.items.push_back(std::move(n));
        }
        return true;
    case YAML::NodeType::Map:
        out.type = Node::Type::Object;
        for (auto it = y.begin(); it != y.end(); ++it) {
            const int keyLine = it->first.Mark().line + 1;
            if (!it->first.IsScalar()) {
                errors.push_back({keyLine, QCoreApplication::translate("StudyFile", "a key must be a plain name")});
                return false;
            }
            const QString key = QString::fromStdString(it->first.Scalar());
            Node n;
            if (!yamlNode(it->second, n, errors))
                return false;
            if (out.member(key))
                errors.push_back({keyLine, QCoreApplication::translate("StudyFile", "the key '%1' appears twice").arg(key)});
            out.members.emplace_back(key, std::move(n));
            out.keyLines.push_back(keyLine);
        }
        return true;
    }
    return true;
}

bool parseYaml(const QByteArray &data, Node &root, QVector<ParseError> &errors)
{
    YAML::Node doc;
    try {
        doc = YAML::Load(data.toStdString());
    } catch (const YAML::Exception &e) {
        errors.push_back({e.mark.line + 1, QCoreApplication::translate("StudyFile", "YAML syntax error: %1").arg(QString::fromStdString(e.msg))});
        return false;
    }
    try {
        return yamlNode(doc, root, errors) && errors.isEmpty();
    } catch (const YAML::Exception &e) {
        errors.push_back({e.mark.line + 1, QCoreApplication::translate("StudyFile", "YAML error: %1").arg(QString::fromStdString(e.msg))});
        return false;
    }
}

// ---------------------------------------------------------------------------------------------
// The schema (docs/study-file.md lists the same keys, types, defaults and allowed values).
// ---------------------------------------------------------------------------------------------

struct Spec {
    enum class Kind { Bool, Integer, Number, String, StringList, Enum, Object, ObjectList };
    Kind kind = Kind::String;
    double min = -1e300;
    double max = 1e300;
    QStringList allowed;                       ///< Enum
    std::vector<std::pair<QString, Spec>> fields; ///< Object, ObjectList items: in documented order
    QStringList required;                      ///< Object, ObjectList items
};

Spec boolean() { return {Spec::Kind::Bool, -1e300, 1e300, {}, {}, {}}; }
Spec integer(double min, double max) { return {Spec::Kind::Integer, min, max, {}, {}, {}}; }
Spec number(double min, double max) { return {Spec::Kind::Number, min, max, {}, {}, {}}; }
Spec text() { return {Spec::Kind::String, -1e300, 1e300, {}, {}, {}}; }
Spec texts() { return {Spec::Kind::StringList, -1e300, 1e300, {}, {}, {}}; }
Spec oneOf(const QStringList &allowed) { return {Spec::Kind::Enum, -1e300, 1e300, allowed, {}, {}}; }
Spec object(std::vector<std::pair<QString, Spec>> fields, QStringList required = {})
{
    return {Spec::Kind::Object, -1e300, 1e300, {}, std::move(fields), std::move(required)};
}
Spec objects(std::vector<std::pair<QString, Spec>> fields, QStringList required = {})
{
    return {Spec::Kind::ObjectList, -1e300, 1e300, {}, std::move(fields), std::move(required)};
}

const Spec &schema()
{
    static const Spec s = object(
        {
            {QStringLiteral("version"), integer(1, 1)},
            {QStringLiteral("name"), text()},
            {QStringLiteral("mode"), oneOf({QStringLiteral("study"), QStringLiteral("listener")})},
            {QStringLiteral("clipSeconds"), number(1, 120)},
            {QStringLiteral("fadeMs"), number(0, 500)},
            {QStringLiteral("scale"), oneOf({QStringLiteral("like-dislike"), QStringLiteral("likert5"), QStringLiteral("likert7")})},
            {QStringLiteral("anchors"), texts()},
            {QStringLiteral("instructions"), text()},
            {QStringLiteral("askAge"), boolean()},
            {QStringLiteral("demographicFields"), texts()},
            {QStringLiteral("pages"),
             object({
                 {QStringLiteral("consent"), text()},
                 {QStringLiteral("calibration"),
                  object({
                      {QStringLiteral("enabled"), boolean()},
                      {QStringLiteral("kind"), oneOf({QStringLiteral("tone"), QStringLiteral("excerpt")})},
                      {QStringLiteral("levelLufs"), number(-70, 0)},
                      {QStringLiteral("file"), text()},
                      {QStringLiteral("seconds"), number(1, 120)},
                      {QStringLiteral("instructions"), text()},
                  })},
                 {QStringLiteral("practice"),
                  object({
                      {QStringLiteral("clips"), integer(0, 100)},
                      {QStringLiteral("tracks"), texts()},
                      {QStringLiteral("instructions"), text()},
                  })},
                 {QStringLiteral("finish"), text()},
             })},
            {QStringLiteral("questionnaires"),
             objects(
                 {
                     {QStringLiteral("id"), text()},
                     {QStringLiteral("title"), text()},
                     {QStringLiteral("placement"),
                      oneOf({QStringLiteral("before"), QStringLiteral("between-blocks"), QStringLiteral("end")})},
                     {QStringLiteral("questions"),
                      objects(
                          {
                              {QStringLiteral("id"), text()},
                              {QStringLiteral("type"),
                               oneOf({QStringLiteral("text"), QStringLiteral("single"), QStringLiteral("multiple"),
                                      QStringLiteral("likert")})},
                              {QStringLiteral("text"), text()},
                              {QStringLiteral("options"), texts()},
                              {QStringLiteral("points"), integer(5, 7)},
                              {QStringLiteral("anchors"), texts()},
                              {QStringLiteral("required"), boolean()},
                          },
                          {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("text")})},
                 },
                 {QStringLiteral("id"), QStringLiteral("questions")})},
            {QStringLiteral("rules"),
             object({
                 {QStringLiteral("minListenSeconds"), number(-1, 120)},
                 {QStringLiteral("requireFullPlayback"), boolean()},
                 {QStringLiteral("maxReplays"), integer(-1, 1000)},
                 {QStringLiteral("forceAnswer"), boolean()},
                 {QStringLiteral("allowBack"), boolean()},
             })},
            {QStringLiteral("loudness"),
             object({
                 {QStringLiteral("mode"), oneOf({QStringLiteral("lufs"), QStringLiteral("rms"), QStringLiteral("none")})},
                 {QStringLiteral("targetLufs"), number(-70, 0)},
                 {QStringLiteral("targetRmsDbfs"), number(-70, 0)},
             })},
            {QStringLiteral("design"),
             object({
                 {QStringLiteral("clipsPerParticipant"), integer(1, 10000)},
                 {QStringLiteral("balanceGenres"), boolean()},
                 {QStringLiteral("repeats"), integer(0, 10000)},
                 {QStringLiteral("pool"),
                  object({
                      {QStringLiteral("tracks"), texts()},
                      {QStringLiteral("genres"), texts()},
                  })},
                 {QStringLiteral("blocks"), oneOf({QStringLiteral("none"), QStringLiteral("genre"), QStringLiteral("random")})},
                 {QStringLiteral("blockCount"), integer(1, 10000)},
                 {QStringLiteral("shuffleBlocks"), boolean()},
                 {QStringLiteral("shuffleWithinBlocks"), boolean()},
                 {QStringLiteral("balancedAssignment"), boolean()},
                 {QStringLiteral("stations"), integer(1, 1000)},
                 {QStringLiteral("seed"), integer(0, 9007199254740991.0)},
                 {QStringLiteral("catchClips"),
                  objects(
                      {
                          {QStringLiteral("id"), text()},
                          {QStringLiteral("file"), text()},
                          {QStringLiteral("expected"), integer(0, 7)},
                          {QStringLiteral("instruction"), text()},
                      },
                      {QStringLiteral("id"), QStringLiteral("file"), QStringLiteral("expected")})},
                 {QStringLiteral("catchPerParticipant"), integer(-1, 10000)},
             })},
            {QStringLiteral("quality"),
             object({
                 {QStringLiteral("fastAnswerSeconds"), number(0, 60)},
                 {QStringLiteral("straightLineRun"), integer(0, 10000)},
                 {QStringLiteral("minKappa"), number(-1, 1)},
                 {QStringLiteral("maxFailedCatches"), integer(-1, 10000)},
                 {QStringLiteral("maxFastShare"), number(-1, 1)},
             })},
        },
        {QStringLiteral("name")});
    return s;
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> prev(std::size_t(b.size() + 1)), cur(std::size_t(b.size() + 1));
    for (int j = 0; j <= b.size(); ++j)
        prev[std::size_t(j)] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            cur[std::size_t(j)] = std::min({prev[std::size_t(j)] + 1, cur[std::size_t(j - 1)] + 1, prev[std::size_t(j - 1)] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[std::size_t(b.size())];
}

QString numberText(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', 10);
}

/// Walks a node against a spec; errors get the node's (or key's) line.
void check(const Node &n, const Spec &spec, const QString &path, QVector<ParseError> &errors)
{
    auto fail = [&](int line, const QString &message) { errors.push_back({line, message}); };
    auto quoted = [](const Node &x) {
        return x.type == Node::Type::String ? QStringLiteral("'%1'").arg(x.string) : typeName(x.type);
    };
    switch (spec.kind) {
    case Spec::Kind::Bool:
        if (n.type != Node::Type::Bool)
            fail(n.line, QCoreApplication::translate("StudyFile", "'%1' must be true or false, not %2").arg(path, quoted(n)));
        return;
    case Spec::Kind::Integer:
    case Spec::Kind::Number: {
        if (n.type != Node::Type::Number) {
            fail(n.line, QCoreApplication::translate("StudyFile", "'%1' must be a number, not %2").arg(path, quoted(n)));
            return;
        }
        if (spec.kind == Spec::Kind::Integer && n.number != std::floor(n.number)) {
            fail(n.line, QCoreApplication::translate("StudyFile", "'%1' must be a whole number, not %2").arg(path, numberText(n.number)));
            return;
        }
        if (n.number < spec.min || n.number > spec.max)
            fail(n.line, QCoreApplication::translate("StudyFile", "'%1' must be between %2 and %3, not %4").arg(path, numberText(spec.min), numberText(spec.max), numberText(n.number)));
        return;
    }
    case Spec::Kind::String:
        if (n.type != Node::Type::String)
            fail(n.line, QCoreApplication::translate("StudyFile", "'%1' must be a string, not %2").arg(path, typeName(n.type)));
        return;
    case Spec::Kind::Enum:
        if (n.type != Node::Type::String || !spec.allowed.contains(n.string))
            fail(n.line, QCoreApplication::translate("StudyFile", "'%1' must be one of %2, not %3").arg(path, spec.allowed.join(QStringLiteral(", ")), quoted(n)));
        return;
    case Spec::Kind::StringList:
        if (n.type != Node::Type::Array) {
            fail(n.line, QCoreApplication::translate("StudyFile", "'%1' must be a list of strings, not %2").arg(path, typeName(n.type)));
            return;
        }
        for (std::size_t i = 0; i < n.items.size(); ++i)
            if (n.items[i].type != Node::Type::String)
                fail(n.items[i].line, QCoreApplication::translate("StudyFile", "'%1[%2]' must be a string, not %3").arg(path).arg(i).arg(typeName(n.items[i].type)));
        return;
    case Spec::Kind::ObjectList: {
        if (n.type != Node::Type::Array) {
            fail(n.line, QCoreApplication::translate("StudyFile", "'%1' must be a list, not %2").arg(path, typeName(n.type)));
            return;
        }
        Spec item = spec;
        item.kind = Spec::Kind::Object;
        for (std::size_t i = 0; i < n.items.size(); ++i)
            check(n.items[i], item, QStringLiteral("%1[%2]").arg(path).arg(i), errors);
        return;
    }
    case Spec::Kind::Object: {
        if (n.type != Node::Type::Object) {
            fail(n.line, path.isEmpty() ? QCoreApplication::translate("StudyFile", "the study file must be an object (key: value pairs), not %1").arg(typeName(n.type))
                                        : QCoreApplication::translate("StudyFile", "'%1' must be an object (key: value pairs), not %2").arg(path, typeName(n.type)));
            return;
        }
        for (std::size_t i = 0; i < n.members.size(); ++i) {
            const QString &key = n.members[i].first;
            const QString keyPath = path.isEmpty() ? key : path + QLatin1Char('.') + key;
            const Spec *field = nullptr;
            QString closest;
            int best = 1000;
            for (const auto &[name, s] : spec.fields) {
                if (name == key)
                    field = &s;
                const int d = editDistance(key, name);
                if (d < best) {
                    best = d;
                    closest = name;
                }
            }
            if (!field) {
                const QString where = path.isEmpty() ? QCoreApplication::translate("StudyFile", "at the top level") : QCoreApplication::translate("StudyFile", "in '%1'").arg(path);
                if (best <= std::max(2, int(key.size()) / 3))
                    fail(n.keyLines[i], QCoreApplication::translate("StudyFile", "unknown key '%1' %2 (did you mean '%3'?)").arg(key, where, closest));
                else
                    fail(n.keyLines[i], QCoreApplication::translate("StudyFile", "unknown key '%1' %2").arg(key, where));
                continue;
            }
            check(n.members[i].second, *field, keyPath, errors);
        }
        for (const QString &key : spec.required) {
            if (!n.member(key)) {
                const QString keyPath = path.isEmpty() ? key : path + QLatin1Char('.') + key;
                fail(n.line, QCoreApplication::translate("StudyFile", "'%1' is required").arg(keyPath));
            }
        }
        return;
    }
    }
}

// ---------------------------------------------------------------------------------------------
// Checks that involve several keys (the same as StudySettings::validate(), which has no lines).
// Run on a tree that passed the schema, so every present key has its documented type. Each error
// gets the line of the key most responsible; the other key's line is named in the message.
// ---------------------------------------------------------------------------------------------

/// The member key of object (nullptr when absent or object is not an object); *keyLine its line.
const Node *field(const Node *object, const char *key, int *keyLine = nullptr)
{
    if (!object || object->type != Node::Type::Object)
        return nullptr;
    for (std::size_t i = 0; i < object->members.size(); ++i)
        if (object->members[i].first == QLatin1String(key)) {
            if (keyLine)
                *keyLine = object->keyLines[i];
            return &object->members[i].second;
        }
    return nullptr;
}

QString blankOr(const QString &s)
{
    return s.trimmed().isEmpty() ? QString() : s;
}

void crossCheck(const Node &root, QVector<ParseError> &errors)
{
    auto fail = [&](int line, const QString &message) { errors.push_back({line, message}); };
    auto at = [&](int line) { return QCoreApplication::translate("StudyFile", "at line %1").arg(line); };

    int line = 0;
    if (const Node *name = field(&root, "name", &line); name && name->string.trimmed().isEmpty())
        fail(line, QCoreApplication::translate("StudyFile", "'name' must not be empty"));

    // The answer scale: its values and where it is set.
    int scaleLine = 0;
    const Node *scaleNode = field(&root, "scale", &scaleLine);
    const QString scale = scaleNode ? scaleNode->string : scaleId(AnswerScale::LikeDislike);
    StudySettings scaleOnly;
    scaleOnly.scale = scaleFromId(scale);
    const int minValue = scaleOnly.minValue();
    const int maxValue = scaleOnly.maxValue();
    const QString scaleWhere = scaleNode ? QCoreApplication::translate("StudyFile", "scale at line %1").arg(scaleLine) : QCoreApplication::translate("StudyFile", "the default scale");

    if (const Node *anchors = field(&root, "anchors", &line);
        anchors && !anchors->items.empty() && int(anchors->items.size()) != scaleOnly.scalePoints())
        fail(line, QCoreApplication::translate("StudyFile", "'anchors' has %1 labels, but the %2 scale has %3 points (%4)")
                       .arg(anchors->items.size())
                       .arg(scale)
                       .arg(scaleOnly.scalePoints())
                       .arg(scaleWhere));

    const Node *design = field(&root, "design");
    int clipsLine = 0;
    const Node *clipsNode = field(design, "clipsPerParticipant", &clipsLine);
    const int clips = clipsNode ? int(clipsNode->number) : StudySettings().clipsPerParticipant;
    const QString clipsWhere = clipsNode ? QCoreApplication::translate("StudyFile", "design.clipsPerParticipant at line %1").arg(clipsLine)
                                         : QCoreApplication::translate("StudyFile", "the default design.clipsPerParticipant");
    if (const Node *repeats = field(design, "repeats", &line); repeats && repeats->number > clips)
        fail(line, QCoreApplication::translate("StudyFile", "'design.repeats' is %1, more than the %2 clips per participant (%3)")
                       .arg(numberText(repeats->number))
                       .arg(clips)
                       .arg(clipsWhere));
    int blocksLine = 0;
    if (const Node *blocks = field(design, "blocks", &blocksLine); blocks && blocks->string == QLatin1String("random")) {
        const Node *count = field(design, "blockCount", &line);
        const int blockCount = count ? int(count->number) : DesignSettings().blockCount;
        if (blockCount > clips) {
            if (count)
                fail(line, QCoreApplication::translate("StudyFile", "'design.blockCount' is %1, more than the %2 clips per participant (%3)")
                               .arg(blockCount)
                               .arg(clips)
                               .arg(clipsWhere));
            else
                fail(blocksLine, QCoreApplication::translate("StudyFile", "random blocks need design.blockCount (default %1) to be at most the %2 clips per "
                                    "participant (%3)")
                                     .arg(blockCount)
                                     .arg(clips)
                                     .arg(clipsWhere));
        }
    }

    int catchesLine = 0;
    const Node *catches = field(design, "catchClips", &catchesLine);
    const int catchCount = catches ? int(catches->items.size()) : 0;
    if (const Node *perParticipant = field(design, "catchPerParticipant", &line);
        perParticipant && perParticipant->number > catchCount)
        fail(line, QCoreApplication::translate("StudyFile", "'design.catchPerParticipant' is %1, but %2 catch clips are listed (%3)")
                       .arg(numberText(perParticipant->number))
                       .arg(catchCount)
                       .arg(catches ? QCoreApplication::translate("StudyFile", "design.catchClips at line %1").arg(catchesLine) : QCoreApplication::translate("StudyFile", "no design.catchClips")));
    QHash<QString, int> catchIds; // id -> line
    for (int i = 0; i < catchCount; ++i) {
        const Node &c = catches->items[std::size_t(i)];
        int idLine = 0;
        const Node *id = field(&c, "id", &idLine);
        const QString name = id ? blankOr(id->string) : QString();
        const QString label = name.isEmpty() ? QStringLiteral("design.catchClips[%1]").arg(i) : QStringLiteral("'%1'").arg(name);
        if (id && name.isEmpty())
            fail(idLine, QCoreApplication::translate("StudyFile", "catch clip %1 needs an id").arg(label));
        else if (id && catchIds.contains(name))
            fail(idLine, QCoreApplication::translate("StudyFile", "catch clip id '%1' is used twice (first %2)").arg(name, at(catchIds.value(name))));
        else if (id)
            catchIds.insert(name, idLine);
        if (const Node *file = field(&c, "file", &line); file && file->string.trimmed().isEmpty())
            fail(line, QCoreApplication::translate("StudyFile", "catch clip %1: 'file' must not be empty").arg(label));
        if (const Node *expected = field(&c, "expected", &line);
            expected && (expected->number < minValue || expected->number > maxValue))
            fail(line, QCoreApplication::translate("StudyFile", "catch clip %1: expected answer %2 is not on the %3-%4 scale (%5)")
                           .arg(label, numberText(expected->number))
                           .arg(minValue)
                           .arg(maxValue)
                           .arg(scaleWhere));
    }

    const Node *questionnaires = field(&root, "questionnaires");
    QHash<QString, int> questionnaireIds;
    for (std::size_t i = 0; questionnaires && i < questionnaires->items.size(); ++i) {
        const Node &q = questionnaires->items[i];
        int idLine = 0;
        const Node *id = field(&q, "id", &idLine);
        const QString name = id ? blankOr(id->string) : QString();
        const QString label = name.isEmpty() ? QStringLiteral("questionnaires[%1]").arg(i) : QStringLiteral("'%1'").arg(name);
        if (id && name.isEmpty())
            fail(idLine, QCoreApplication::translate("StudyFile", "questionnaire %1 needs an id").arg(label));
        else if (id && questionnaireIds.contains(name))
            fail(idLine, QCoreApplication::translate("StudyFile", "questionnaire id '%1' is used twice (first %2)").arg(name, at(questionnaireIds.value(name))));
        else if (id)
            questionnaireIds.insert(name, idLine);
        int questionsLine = 0;
        const Node *questions = field(&q, "questions", &questionsLine);
        if (questions && questions->items.empty())
            fail(questionsLine, QCoreApplication::translate("StudyFile", "questionnaire %1 has no questions").arg(label));
        QHash<QString, int> questionIds;
        for (std::size_t j = 0; questions && j < questions->items.size(); ++j) {
            const Node &question = questions->items[j];
            int qidLine = 0;
            const Node *qid = field(&question, "id", &qidLine);
            const QString qname = qid ? blankOr(qid->string) : QString();
            const QString qlabel = qname.isEmpty() ? QStringLiteral("questions[%1]").arg(j) : QStringLiteral("'%1'").arg(qname);
            if (qid && qname.isEmpty())
                fail(qidLine, QCoreApplication::translate("StudyFile", "question %1 of questionnaire %2 needs an id").arg(qlabel, label));
            else if (qid && questionIds.contains(qname))
                fail(qidLine, QCoreApplication::translate("StudyFile", "question id '%1' is used twice in questionnaire %2 (first %3)")
                                  .arg(qname, label, at(questionIds.value(qname))));
            else if (qid)
                questionIds.insert(qname, qidLine);
            if (const Node *text = field(&question, "text", &line); text && text->string.trimmed().isEmpty())
                fail(line, QCoreApplication::translate("StudyFile", "question %1 of questionnaire %2: 'text' must not be empty").arg(qlabel, label));
            int typeLine = 0;
            const Node *type = field(&question, "type", &typeLine);
            const QString typeId = type ? type->string : QString();
            if (typeId == QLatin1String("single") || typeId == QLatin1String("multiple")) {
                const Node *options = field(&question, "options", &line);
                const int count = options ? int(options->items.size()) : 0;
                if (count < 2)
                    fail(options ? line : typeLine,
                         QCoreApplication::translate("StudyFile", "question %1 of questionnaire %2 has %3 options; a '%4' question needs at least two (type at line %5)")
                             .arg(qlabel, label)
                             .arg(count)
                             .arg(typeId)
                             .arg(typeLine));
            }
            if (typeId == QLatin1String("likert")) {
                int pointsLine = 0;
                const Node *pointsNode = field(&question, "points", &pointsLine);
                const int points = pointsNode ? int(pointsNode->number) : Question().points;
                if (points != 5 && points != 7)
                    fail(pointsLine, QCoreApplication::translate("StudyFile", "Likert question %1 of questionnaire %2 must have 5 or 7 points, not %3")
                                         .arg(qlabel, label)
                                         .arg(points));
                const Node *anchors = field(&question, "anchors", &line);
                const int count = anchors ? int(anchors->items.size()) : 0;
                if (count != 0 && count != 2 && count != points)
                    fail(line, QCoreApplication::translate("StudyFile", "Likert question %1 of questionnaire %2 has %3 anchors; with %4 points it needs none, 2 "
                                  "(the ends) or %4 (%5)")
                                   .arg(qlabel, label)
                                   .arg(count)
                                   .arg(points)
                                   .arg(pointsNode ? QCoreApplication::translate("StudyFile", "points at line %1").arg(pointsLine) : QCoreApplication::translate("StudyFile", "the default points")));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Writing, in the schema's order.
// ---------------------------------------------------------------------------------------------

QByteArray jsonScalar(const QJsonValue &v)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

void writeJson(QByteArray &out, const QJsonValue &v, const Spec *spec, int indent)
{
    const QByteArray pad(indent * 2, ' ');
    const QByteArray inner((indent + 1) * 2, ' ');
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        QStringList keys;
        if (spec)
            for (const auto &[name, s] : spec->fields)
                if (o.contains(name))
                    keys << name;
        for (const QString &k : o.keys())
            if (!keys.contains(k))
                keys << k;
        if (keys.isEmpty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        for (int i = 0; i < keys.size(); ++i) {
            const Spec *child = nullptr;
            if (spec)
                for (const auto &[name, s] : spec->fields)
                    if (name == keys[i])
                        child = &s;
            out += inner + jsonScalar(keys[i]) + ": ";
            writeJson(out, o.value(keys[i]), child, indent + 1);
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        out += pad + "}";
        return;
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out += "[]";
            return;
        }
        const bool scalars = !a.first().isObject() && !a.first().isArray();
        if (scalars) {
            out += "[";
            for (int i = 0; i < a.size(); ++i)
                out += (i ? ", " : "") + jsonScalar(a.at(i));
            out += "]";
            return;
        }
        out += "[\n";
        for (int i = 0; i < a.size(); ++i) {
            out += inner;
            writeJson(out, a.at(i), spec, indent + 1); // an object list's items share the list's fields
            out += i + 1 < a.size() ? ",\n" : "\n";
        }
        out += pad + "]";
        return;
    }
    out += jsonScalar(v);
}

/// Literal block scalars in emission order: true where the text has no final line break, so its
/// "|" must become "|-" (yaml-cpp writes only "|").
using Chomps = std::vector<bool>;

void writeYaml(YAML::Emitter &out, const QJsonValue &v, const Spec *spec, Chomps &chomps)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        QStringList keys;
        if (spec)
            for (const auto &[name, s] : spec->fields)
                if (o.contains(name))
                    keys << name;
        for (const QString &k : o.keys())
            if (!keys.contains(k))
                keys << k;
        out << YAML::BeginMap;
        for (const QString &k : keys) {
            const Spec *child = nullptr;
            if (spec)
                for (const auto &[name, s] : spec->fields)
                    if (name == k)
                        child = &s;
            out << YAML::Key << k.toStdString() << YAML::Value;
            writeYaml(out, o.value(k), child, chomps);
        }
        out << YAML::EndMap;
        return;
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        const bool scalars = a.isEmpty() || (!a.first().isObject() && !a.first().isArray());
        out << (scalars ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
        for (const QJsonValue &x : a)
            writeYaml(out, x, spec, chomps);
        out << YAML::EndSeq;
        return;
    }
    if (v.isBool()) {
        out << (v.toBool() ? "true" : "false");
    } else if (v.isDouble()) {
        out << jsonScalar(v).toStdString();
    } else if (v.isString()) {
        const QString s = v.toString();
        if (s.contains(QLatin1Char('\n')) && !s.endsWith(QLatin1String("\n\n")) && !s.contains(QLatin1Char('\r'))
            && !s.startsWith(QLatin1Char(' ')) && !s.startsWith(QLatin1Char('\n'))) {
            const bool strip = !s.endsWith(QLatin1Char('\n'));
            chomps.push_back(strip);
            out << YAML::Literal << (strip ? s + QLatin1Char('\n') : s).toStdString();
        } else
            out << YAML::DoubleQuoted << s.toStdString();
    } else {
        out << YAML::Null;
    }
}

} // namespace

StudyFile::Format StudyFile::formatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("yaml") || suffix == QLatin1String("yml") ? Format::Yaml : Format::Json;
}

StudyFile::Result StudyFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result r;
        r.errors << QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), QCoreApplication::translate("StudyFile", "cannot read the study file (%1)").arg(file.errorString()));
        return r;
    }
    return parse(file.readAll(), formatFor(path), QDir::toNativeSeparators(path));
}

StudyFile::Result StudyFile::parse(const QByteArray &content, Format format, const QString &displayName)
{
    Result r;
    r.content = content;
    r.hash = hash(content);
    QVector<ParseError> errors;
    Node root;
    const bool parsed = format == Format::Json ? parseJson(content, root, errors) : parseYaml(content, root, errors);
    if (parsed)
        check(root, schema(), QString(), errors);
    if (parsed && errors.isEmpty())
        crossCheck(root, errors);
    std::stable_sort(errors.begin(), errors.end(), [](const ParseError &a, const ParseError &b) { return a.line < b.line; });
    for (const ParseError &e : errors)
        r.errors << (e.line > 0 ? QStringLiteral("%1:%2: %3").arg(displayName).arg(e.line).arg(e.message)
                                : QStringLiteral("%1: %2").arg(displayName, e.message));
    if (!r.errors.isEmpty())
        return r;

    QJsonObject json = toJson(root).toObject();
    // A study file without a loudness section gets the default (LUFS); fromJson() keeps RMS only
    // for settings stored by studies made before the study file existed.
    if (!json.contains(QStringLiteral("loudness")))
        json.insert(QStringLiteral("loudness"), QJsonObject());
    r.settings = StudySettings::fromJson(json);
    const QString invalid = r.settings.validate();
    if (!invalid.isEmpty()) {
        r.errors << QStringLiteral("%1: %2").arg(displayName, invalid);
        return r;
    }
    r.ok = true;
    return r;
}

QByteArray StudyFile::serialize(const StudySettings &settings, Format format)
{
    const QJsonObject json = settings.toJson();
    if (format == Format::Json) {
        QByteArray out;
        writeJson(out, json, &schema(), 0);
        out += '\n';
        return out;
    }
    YAML::Emitter emitter;
    emitter.SetIndent(2);
    Chomps chomps;
    writeYaml(emitter, json, &schema(), chomps);
    QByteArray body(emitter.c_str());
    // Literal blocks appear in the text in the order they were emitted.
    int from = 0;
    for (const bool strip : chomps) {
        const int at = body.indexOf(" |\n", from);
        if (at < 0)
            break;
        if (strip)
            body.replace(at, 3, " |-\n");
        from = at + 3;
    }
    return QByteArray("# Tastelab study file (docs/study-file.md)\n") + body + '\n';
}

bool StudyFile::write(const QString &path, const StudySettings &settings, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(serialize(settings, formatFor(path))) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

QString StudyFile::hash(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

QString StudyFile::defaultPathFor(const QString &studyPath, Format format)
{
    const QFileInfo info(studyPath);
    return info.absoluteDir().filePath(info.completeBaseName()
                                       + (format == Format::Yaml ? QStringLiteral(".study.yaml") : QStringLiteral(".study.json")));
}

} // namespace tastelab
