<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Exporter</name>
    <message numerus="yes">
        <source>%n conflict(s), local data kept:</source>
        <translation>
            <numerusform>%n conflict, local data kept:</numerusform>
            <numerusform>%n conflicts, local data kept:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge refused: the files do not share the same study file and schedules (%n conflict(s)); nothing was merged. Use --force to merge anyway (the conflicts are recorded).</source>
        <translation>
            <numerusform>Merge refused: the files do not share the same study file and schedules (%n conflict); nothing was merged. Use --force to merge anyway (the conflicts are recorded).</numerusform>
            <numerusform>Merge refused: the files do not share the same study file and schedules (%n conflicts); nothing was merged. Use --force to merge anyway (the conflicts are recorded).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged despite %n study file or schedule conflict(s) (forced; recorded in the study):</source>
        <translation>
            <numerusform>Merged despite %n study file or schedule conflict (forced; recorded in the study):</numerusform>
            <numerusform>Merged despite %n study file or schedule conflicts (forced; recorded in the study):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message numerus="yes">
        <source>%n clip(s) without a %1 embedding left out</source>
        <translation>
            <numerusform>%n clip without a %1 embedding left out</numerusform>
            <numerusform>%n clips without a %1 embedding left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::DesignEditor</name>
    <message numerus="yes">
        <source>The study file also names %n track(s) for the pool (edit them there).</source>
        <translation>
            <numerusform>The study file also names %n track for the pool (edit it there).</numerusform>
            <numerusform>The study file also names %n tracks for the pool (edit them there).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::EmbeddingMapView</name>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n clip(s)</source>
        <translation>
            <numerusform>%1: %n clip</numerusform>
            <numerusform>%1: %n clips</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unheard excerpt(s)</source>
        <translation>
            <numerusform>%n unheard excerpt</numerusform>
            <numerusform>%n unheard excerpts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s) selected (double-click to play):</source>
        <translation>
            <numerusform>%n clip selected (double-click to play):</numerusform>
            <numerusform>%n clips selected (double-click to play):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::ExplanationView</name>
    <message numerus="yes">
        <source>Like probability %1 · fidelity R² %2 (%3, %n evaluation(s), %4 s)</source>
        <translation>
            <numerusform>Like probability %1 · fidelity R² %2 (%3, %n evaluation, %4 s)</numerusform>
            <numerusform>Like probability %1 · fidelity R² %2 (%3, %n evaluations, %4 s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::ListenerPage</name>
    <message numerus="yes">
        <source>%n clip(s) of your library could not be read; see the Features page</source>
        <translation>
            <numerusform>%n clip of your library could not be read; see the Features page</numerusform>
            <numerusform>%n clips of your library could not be read; see the Features page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Learning from your %n answer(s)…</source>
        <translation>
            <numerusform>Learning from your %n answer…</numerusform>
            <numerusform>Learning from your %n answers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warming up: %n more random clip(s) before Tastelab starts choosing.</source>
        <translation>
            <numerusform>Warming up: %n more random clip before Tastelab starts choosing.</numerusform>
            <numerusform>Warming up: %n more random clips before Tastelab starts choosing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>How sure Tastelab is about the clips you have not rated (learnt from %n answer(s)).</source>
        <translation>
            <numerusform>How sure Tastelab is about the clips you have not rated (learnt from %n answer).</numerusform>
            <numerusform>How sure Tastelab is about the clips you have not rated (learnt from %n answers).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::ModelsPage</name>
    <message numerus="yes">
        <source>%1 (%n answer(s))</source>
        <translation>
            <numerusform>%1 (%n answer)</numerusform>
            <numerusform>%1 (%n answers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n clip(s))</source>
        <translation>
            <numerusform>%1 (%n clip)</numerusform>
            <numerusform>%1 (%n clips)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::PerformanceView</name>
    <message numerus="yes">
        <source>Test part: %n clip(s) (%1 liked, %2 disliked); threshold 0.5.</source>
        <translation>
            <numerusform>Test part: %n clip (%1 liked, %2 disliked); threshold 0.5.</numerusform>
            <numerusform>Test part: %n clips (%1 liked, %2 disliked); threshold 0.5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 across %n participant(s) · %2</source>
        <translation>
            <numerusform>%1 across %n participant · %2</numerusform>
            <numerusform>%1 across %n participants · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From the newest stored model of each kind per participant (%n participant(s)).</source>
        <translation>
            <numerusform>From the newest stored model of each kind per participant (%n participant).</numerusform>
            <numerusform>From the newest stored model of each kind per participant (%n participants).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::RecommendationsView</name>
    <message numerus="yes">
        <source>None of the %n track(s) %1 has not heard has %2 embeddings yet: extract library excerpts on the Features page, then come back.</source>
        <translation>
            <numerusform>The %n track %1 has not heard has no %2 embeddings yet: extract library excerpts on the Features page, then come back.</numerusform>
            <numerusform>None of the %n tracks %1 has not heard has %2 embeddings yet: extract library excerpts on the Features page, then come back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s) not heard yet</source>
        <translation>
            <numerusform>%n track not heard yet</numerusform>
            <numerusform>%n tracks not heard yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n track(s) not heard yet</source>
        <translation>
            <numerusform>Showing %1 of %n track not heard yet</numerusform>
            <numerusform>Showing %1 of %n tracks not heard yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n track(s) to %1</source>
        <translation>
            <numerusform>Exported %n track to %1</numerusform>
            <numerusform>Exported %n tracks to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::ResultsPage</name>
    <message numerus="yes">
        <source>%1 (%n answer(s))</source>
        <translation>
            <numerusform>%1 (%n answer)</numerusform>
            <numerusform>%1 (%n answers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: %1 likes %n track(s); the recommendations retrain on it.</source>
        <translation>
            <numerusform>Saved: %1 likes %n track; the recommendations retrain on it.</numerusform>
            <numerusform>Saved: %1 likes %n tracks; the recommendations retrain on it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n track(s) not for %1; the recommendations retrain on it.</source>
        <translation>
            <numerusform>Saved: %n track not for %1; the recommendations retrain on it.</numerusform>
            <numerusform>Saved: %n tracks not for %1; the recommendations retrain on it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::StudyPage</name>
    <message numerus="yes">
        <source>n/a (%n pair(s))</source>
        <translation>
            <numerusform>n/a (%n pair)</numerusform>
            <numerusform>n/a (%n pairs)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::SurveyTab</name>
    <message numerus="yes">
        <source>Participants: %1 started · %2 finished · %n answer(s)</source>
        <translation>
            <numerusform>Participants: %1 started · %2 finished · %n answer</numerusform>
            <numerusform>Participants: %1 started · %2 finished · %n answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each participant hears up to %n clip(s) of %1 s from %2 tracks and answers on %3.</source>
        <translation>
            <numerusform>Each participant hears up to %n clip of %1 s from %2 tracks and answers on %3.</numerusform>
            <numerusform>Each participant hears up to %n clips of %1 s from %2 tracks and answers on %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::SurveyWidget</name>
    <message numerus="yes">
        <source>Participant %1 has already answered all %n clip(s). Thank you!</source>
        <translation>
            <numerusform>Participant %1 has already answered their %n clip. Thank you!</numerusform>
            <numerusform>Participant %1 has already answered all %n clips. Thank you!</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tastelab::TasteProfileView</name>
    <message numerus="yes">
        <source>Fidelity to the classifier: rank correlation %1; the profile and the classifier agree on like or dislike for %2 % of %n track(s).</source>
        <translation>
            <numerusform>Fidelity to the classifier: rank correlation %1; the profile and the classifier agree on like or dislike for %2 % of %n track.</numerusform>
            <numerusform>Fidelity to the classifier: rank correlation %1; the profile and the classifier agree on like or dislike for %2 % of %n tracks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Taste profile of %1 from model %2 (%3, %4): %n prototype(s), medoids of their liked and disliked tracks in the model&apos;s space.</source>
        <translation>
            <numerusform>Taste profile of %1 from model %2 (%3, %4): %n prototype, a medoid of their liked and disliked tracks in the model&apos;s space.</numerusform>
            <numerusform>Taste profile of %1 from model %2 (%3, %4): %n prototypes, medoids of their liked and disliked tracks in the model&apos;s space.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) · like %3 · %n track(s) in its cluster</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (%2) · like %3 · %n track in its cluster</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (%2) · like %3 · %n tracks in its cluster</numerusform>
        </translation>
    </message>
</context>
</TS>
