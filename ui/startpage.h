#pragma once

#include <QWidget>

namespace tastelab {

/// The first page on a first start (and from File ▸ Welcome): the two paths through Tastelab.
/// "Learn my own taste" makes a listener library from a music folder or the demo library and
/// starts rating; "Run a study" goes to the researcher's workspace.
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

Q_SIGNALS:
    void listenerFolderRequested();
    void listenerDemoRequested();
    void studyRequested();
};

} // namespace tastelab
