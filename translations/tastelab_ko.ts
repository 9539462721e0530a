<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CatchClips</name>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: 폴더를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>%1: espeak-ng could not write the catch clip: %2</source>
        <translation>%1: espeak-ng가 확인용 클립을 쓰지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Now and then you will hear a signal instead of music: three short beeps mean &quot;press %1&quot;, a rising tone means &quot;press %2&quot;.</source>
        <translation>가끔 음악 대신 신호음이 들립니다. 짧은 삐 소리 세 번은 &quot;%1 누르기&quot;, 올라가는 음은 &quot;%2 누르기&quot;라는 뜻입니다.</translation>
    </message>
</context>
<context>
    <name>DemoStudy</name>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: 폴더를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>generating the demo library was cancelled</source>
        <translation>데모 라이브러리 생성이 취소되었습니다</translation>
    </message>
    <message>
        <source>Demo study</source>
        <translation>데모 연구</translation>
    </message>
    <message>
        <source>%1: cannot be written</source>
        <translation>%1: 파일을 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>%1: no track %2</source>
        <translation>%1: 트랙 %2이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1: the music file is missing</source>
        <translation>%1: 음악 파일이 없습니다</translation>
    </message>
    <message>
        <source>there is no component %1: the excerpt has %2</source>
        <translation>구성 요소 %1이(가) 없습니다: 발췌 구간에는 %2개가 있습니다</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>the excerpt&apos;s components changed between the two explanations</source>
        <translation>두 설명 사이에 발췌 구간의 구성 요소가 바뀌었습니다</translation>
    </message>
    <message>
        <source>source components need a separation model (its manifest)</source>
        <translation>음원 구성 요소에는 분리 모델(매니페스트)이 필요합니다</translation>
    </message>
    <message>
        <source>the explanation has no part to steer</source>
        <translation>설명에 조정할 부분이 없습니다</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Merge failed: %1</source>
        <translation>병합 실패: %1</translation>
    </message>
    <message>
        <source>Merged: %1 participants added, %2 answers added, %3 answers already present, %4 tracks added, %5 embeddings added.</source>
        <translation>병합 완료: 참여자 %1명, 응답 %2개 추가, 이미 있던 응답 %3개, 트랙 %4개, 임베딩 %5개 추가.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s), local data kept:</source>
        <translation>
            <numerusform>충돌 %n건, 이 파일의 데이터를 유지했습니다:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: study file not found</source>
        <translation>%1: 연구 파일을 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>%1: cannot make a working copy to merge from</source>
        <translation>%1: 병합용 작업 사본을 만들 수 없습니다</translation>
    </message>
    <message>
        <source>%1 belongs to another study (study ids differ); only files of the same study can be merged</source>
        <translation>%1은(는) 다른 연구의 파일입니다(연구 ID가 다름). 같은 연구의 파일만 병합할 수 있습니다</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos; exists in both files with different clip plans (other seeds); their %2 answers were not merged</source>
        <translation>참여자 &apos;%1&apos;이(가) 두 파일에 서로 다른 클립 계획(다른 시드)으로 있습니다. 그쪽 응답 %2개는 병합하지 않았습니다</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos;, clip %2: answered %3 here and %4 in the other file; kept %3</source>
        <translation>참여자 &apos;%1&apos;, 클립 %2: 이 파일의 응답은 %3, 다른 파일의 응답은 %4입니다. %3을(를) 유지했습니다</translation>
    </message>
    <message>
        <source>embeddings of &apos;%1&apos; come from another version of the model; not merged</source>
        <translation>&apos;%1&apos;의 임베딩은 다른 버전의 모델에서 나온 것이라 병합하지 않았습니다</translation>
    </message>
    <message numerus="yes">
        <source>Merge refused: the files do not share the same study file and schedules (%n conflict(s)); nothing was merged. Use --force to merge anyway (the conflicts are recorded).</source>
        <translation>
            <numerusform>병합 거부: 두 파일의 연구 파일과 일정이 같지 않습니다(충돌 %n건). 아무것도 병합하지 않았습니다. 그래도 병합하려면 --force를 사용하세요(충돌은 기록됩니다).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged despite %n study file or schedule conflict(s) (forced; recorded in the study):</source>
        <translation>
            <numerusform>연구 파일 또는 일정 충돌 %n건에도 불구하고 병합했습니다(강제, 연구에 기록됨):</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; at %2 s</source>
        <translation>&apos;%1&apos;, %2초 지점</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos;, position %2: only in %3</source>
        <translation>참여자 &apos;%1&apos;, 위치 %2: %3에만 있습니다</translation>
    </message>
    <message>
        <source>this file</source>
        <translation>이 파일</translation>
    </message>
    <message>
        <source>the other file</source>
        <translation>다른 파일</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos;, position %2: %3 here, %4 in the other file</source>
        <translation>참여자 &apos;%1&apos;, 위치 %2: 이 파일에서는 %3, 다른 파일에서는 %4</translation>
    </message>
    <message>
        <source>the study files differ: %1 here, %2 in %3</source>
        <translation>연구 파일이 다릅니다: 이 파일은 %1, %3은(는) %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>in the other file, %1</source>
        <translation>다른 파일에서, %1</translation>
    </message>
    <message>
        <source>Survey records added (practice and catch answers, questionnaire answers, events, revisions): %1.</source>
        <translation>추가된 설문 기록(연습·확인용 클립 응답, 설문 응답, 이벤트, 수정 기록): %1.</translation>
    </message>
    <message>
        <source>Steering feedback (more / less like this) added or updated: %1.</source>
        <translation>추가되거나 갱신된 조정 피드백(이런 곡 더 / 덜): %1.</translation>
    </message>
    <message>
        <source>the study runs on %1 stations here and on %2 in %3</source>
        <translation>이 파일의 연구는 스테이션 %1개, %3의 연구는 스테이션 %2개로 진행됩니다</translation>
    </message>
    <message>
        <source>both files are station %1 of %2; every station needs its own number (tastelab-cli station --set K, or the Study page)</source>
        <translation>두 파일 모두 스테이션 %1/%2입니다. 스테이션마다 고유 번호가 필요합니다(tastelab-cli station --set K 또는 연구 페이지)</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos; in %2 and participant &apos;%3&apos; here have the same schedule index %4 (the same clips)</source>
        <translation>%2의 참가자 &apos;%1&apos;와 이 파일의 참가자 &apos;%3&apos;의 일정 인덱스가 %4로 같습니다(같은 클립)</translation>
    </message>
</context>
<context>
    <name>Extractor</name>
    <message>
        <source>Extraction stopped: %1</source>
        <translation>추출 중단: %1</translation>
    </message>
    <message>
        <source>%1 on %2: %3 clips%9, %4 already cached, %5 extracted, %6 failed%7 (%8 clips/s).</source>
        <translation>%1(%2): 클립 %3개%9, 이미 캐시됨 %4개, 추출 %5개, 실패 %6개%7 (초당 클립 %8개).</translation>
    </message>
    <message>
        <source>, cancelled</source>
        <translation>, 취소됨</translation>
    </message>
    <message>
        <source> (%1 of them library excerpts for recommendations)</source>
        <translation> (그중 %1개는 추천용 라이브러리 발췌 구간)</translation>
    </message>
    <message>
        <source>%1 embeddings of an earlier version of the model were dropped.</source>
        <translation>이전 버전 모델의 임베딩 %1개를 삭제했습니다.</translation>
    </message>
    <message>
        <source>shard %1/%2 does not exist</source>
        <translation>샤드 %1/%2이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1: the music file is missing</source>
        <translation>%1: 음악 파일이 없습니다</translation>
    </message>
    <message>
        <source>%1 @ %2 s: %3</source>
        <translation>%1 @ %2초: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>the first line must name the columns, with at least &apos;path&apos; (and optionally genre, title, artist)</source>
        <translation>첫 줄에는 열 이름이 있어야 하며, 적어도 &apos;path&apos;가 있어야 합니다(genre, title, artist는 선택)</translation>
    </message>
    <message>
        <source>read error</source>
        <translation>읽기 오류</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>파일을 찾을 수 없음</translation>
    </message>
    <message>
        <source>unsupported file type (no file extension)</source>
        <translation>지원하지 않는 파일 형식(확장자 없음)</translation>
    </message>
    <message>
        <source>unsupported file type (.%1)</source>
        <translation>지원하지 않는 파일 형식(.%1)</translation>
    </message>
    <message>
        <source>too short: %1 s (a %2 s clip away from the track&apos;s edges needs at least %3 s)</source>
        <translation>너무 짧음: %1초 (트랙 가장자리를 피한 %2초 클립에는 최소 %3초가 필요합니다)</translation>
    </message>
    <message>
        <source>unreadable: %1</source>
        <translation>읽을 수 없음: %1</translation>
    </message>
    <message>
        <source>Unknown artist</source>
        <translation>알 수 없는 아티스트</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>가져오기 실패: %1</translation>
    </message>
    <message>
        <source>%1 files looked at: %2 added, %3 duplicates skipped, %4 not imported%5.</source>
        <translation>확인한 파일 %1개: 추가 %2개, 중복으로 건너뜀 %3개, 가져오지 못함 %4개%5.</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (취소됨)</translation>
    </message>
    <message>
        <source>%1: not a folder</source>
        <translation>%1: 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>duplicate: same content as %1 (skipped)</source>
        <translation>중복: %1과(와) 내용이 같음(건너뜀)</translation>
    </message>
</context>
<context>
    <name>Listener</name>
    <message>
        <source>%1: a file of that name exists already</source>
        <translation>%1: 같은 이름의 파일이 이미 있습니다</translation>
    </message>
    <message>
        <source>Listen, then say whether you like it. Tastelab learns from every answer.</source>
        <translation>듣고 나서 마음에 드는지 알려 주세요. Tastelab은 응답 하나하나에서 학습합니다.</translation>
    </message>
    <message>
        <source>no playable music was found in %1</source>
        <translation>%1에서 재생할 수 있는 음악을 찾지 못했습니다</translation>
    </message>
    <message>
        <source>%1: cannot be written</source>
        <translation>%1: 파일을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>%1 is a study, not a listener library</source>
        <translation>%1은(는) 청취자 라이브러리가 아니라 연구입니다</translation>
    </message>
    <message>
        <source>%1 has no listener</source>
        <translation>%1에 청취자가 없습니다</translation>
    </message>
    <message>
        <source>the embeddings of %1 do not fit together: %2</source>
        <translation>%1의 임베딩이 서로 맞지 않습니다: %2</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>CLEP-PN</source>
        <translation>CLEP-PN</translation>
    </message>
    <message>
        <source>CLEP-P</source>
        <translation>CLEP-P</translation>
    </message>
    <message>
        <source>CLEP-N</source>
        <translation>CLEP-N</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>로지스틱 회귀</translation>
    </message>
    <message>
        <source>k-nearest neighbours</source>
        <translation>k-최근접 이웃</translation>
    </message>
    <message>
        <source>MLP only</source>
        <translation>MLP만</translation>
    </message>
</context>
<context>
    <name>ParticipantSession</name>
    <message>
        <source>participant &apos;%1&apos; has no clips in their plan</source>
        <translation>참여자 &apos;%1&apos;의 계획에 클립이 없습니다</translation>
    </message>
    <message>
        <source>clip %1 refers to a track that is not in the study</source>
        <translation>클립 %1이(가) 연구에 없는 트랙을 가리킵니다</translation>
    </message>
    <message>
        <source>%1: the music file is missing (was the music folder moved? Use &quot;Locate music folder&quot; on the Study page)</source>
        <translation>%1: 음악 파일이 없습니다(음악 폴더를 옮겼나요? 연구 페이지의 &quot;음악 폴더 찾기&quot;를 사용하세요)</translation>
    </message>
    <message>
        <source>there is no clip %1</source>
        <translation>클립 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>the music file of practice clip %1 is missing</source>
        <translation>연습 클립 %1의 음악 파일이 없습니다</translation>
    </message>
    <message>
        <source>%1: the catch clip &apos;%2&apos; is missing</source>
        <translation>%1: 확인용 클립 &apos;%2&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>clip %1 is answered or skipped already</source>
        <translation>클립 %1은(는) 이미 응답했거나 건너뛰었습니다</translation>
    </message>
    <message>
        <source>this clip is answered or skipped already</source>
        <translation>이 클립은 이미 응답했거나 건너뛰었습니다</translation>
    </message>
    <message>
        <source>only a clip can be skipped</source>
        <translation>클립만 건너뛸 수 있습니다</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <source>fast: answered sooner than %1 s</source>
        <translation>빠른 응답: %1초보다 빨리 응답</translation>
    </message>
    <message>
        <source>fast answers: not checked</source>
        <translation>빠른 응답: 확인하지 않음</translation>
    </message>
    <message>
        <source>straight-lining: %1 or more identical answers in a row</source>
        <translation>일자 응답: 같은 응답이 %1번 이상 연속</translation>
    </message>
    <message>
        <source>straight-lining: not checked</source>
        <translation>일자 응답: 확인하지 않음</translation>
    </message>
    <message>
        <source>exclusion rules: none</source>
        <translation>제외 규칙: 없음</translation>
    </message>
    <message>
        <source>exclusion rules: %1</source>
        <translation>제외 규칙: %1</translation>
    </message>
</context>
<context>
    <name>Recommendations</name>
    <message>
        <source>no participant &apos;%1&apos;</source>
        <translation>참여자 &apos;%1&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>at least one excerpt per track is needed, not %1</source>
        <translation>트랙마다 발췌 구간이 적어도 하나 필요합니다(%1개가 아님)</translation>
    </message>
    <message>
        <source>no stored model %1</source>
        <translation>저장된 모델 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>model %1 was trained for another participant, not &apos;%2&apos;</source>
        <translation>모델 %1은(는) &apos;%2&apos;이(가) 아닌 다른 참여자용으로 학습되었습니다</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos; has no trained model yet: train one first (Models page, or tastelab-cli train)</source>
        <translation>참여자 &apos;%1&apos;에게 학습된 모델이 아직 없습니다. 먼저 학습하세요(모델 페이지 또는 tastelab-cli train)</translation>
    </message>
    <message>
        <source>model %1 is a %2 model; the dislike risk needs a CLEP-N model</source>
        <translation>모델 %1은(는) %2 모델입니다. 싫어요 위험도에는 CLEP-N 모델이 필요합니다</translation>
    </message>
    <message>
        <source>model %1 uses %2 embeddings and model %3 uses %4; both must use the same</source>
        <translation>모델 %1은(는) %2 임베딩을, 모델 %3은(는) %4 임베딩을 사용합니다. 두 모델은 같은 임베딩을 사용해야 합니다</translation>
    </message>
    <message>
        <source>the %1 embeddings have different sizes (%2 and %3); extract them again</source>
        <translation>%1 임베딩의 크기가 서로 다릅니다(%2, %3). 다시 추출하세요</translation>
    </message>
    <message>
        <source>model %1 cannot score the %2 embeddings: %3</source>
        <translation>모델 %1이(가) %2 임베딩을 평가할 수 없습니다: %3</translation>
    </message>
    <message>
        <source>%1 of %2 unheard tracks have no %3 embeddings yet and are left out: extract library excerpts (Features page, or tastelab-cli extract)</source>
        <translation>듣지 않은 트랙 %2개 중 %1개에 %3 임베딩이 아직 없어 제외했습니다. 라이브러리 발췌 구간을 추출하세요(특징 페이지 또는 tastelab-cli extract)</translation>
    </message>
    <message>
        <source>%1 tracks are scored on fewer than %2 excerpts (the others have no embedding yet)</source>
        <translation>트랙 %1개는 발췌 구간 %2개보다 적게 평가되었습니다(나머지는 아직 임베딩이 없음)</translation>
    </message>
    <message>
        <source>no CLEP-N model of &apos;%1&apos; for %2: the dislike risk is not available (train clep-n)</source>
        <translation>%2에 대한 &apos;%1&apos;의 CLEP-N 모델이 없어 싫어요 위험도를 쓸 수 없습니다(clep-n을 학습하세요)</translation>
    </message>
    <message>
        <source>the %1 embeddings were extracted again with another version of the encoder after model %2 was trained: retrain it</source>
        <translation>모델 %2을(를) 학습한 뒤 %1 임베딩을 다른 버전의 인코더로 다시 추출했습니다. 모델을 다시 학습하세요</translation>
    </message>
    <message>
        <source>no track %1 in the study</source>
        <translation>연구에 트랙 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>track %1 has no excerpt to attach feedback to</source>
        <translation>트랙 %1에 피드백을 붙일 발췌 구간이 없습니다</translation>
    </message>
    <message>
        <source>new</source>
        <translation>신규</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>빠짐</translation>
    </message>
    <message>
        <source>%1 of 1 track moved %2 or more places</source>
        <translation>트랙 1개 중 %1개의 순위가 %2단계 이상 바뀜</translation>
    </message>
    <message>
        <source>%1 of %2 tracks moved %3 or more places</source>
        <translation>트랙 %2개 중 %1개의 순위가 %3단계 이상 바뀜</translation>
    </message>
    <message>
        <source>biggest rise: %1 %2</source>
        <translation>가장 크게 오름: %1 %2</translation>
    </message>
    <message>
        <source>biggest fall: %1 %2</source>
        <translation>가장 크게 내림: %1 %2</translation>
    </message>
    <message>
        <source>1 rated track not counted</source>
        <translation>평가한 트랙 1개는 제외</translation>
    </message>
    <message>
        <source>%1 rated tracks not counted</source>
        <translation>평가한 트랙 %1개는 제외</translation>
    </message>
    <message>
        <source>1 new in the list</source>
        <translation>목록에 새로 들어온 트랙 1개</translation>
    </message>
    <message>
        <source>%1 new in the list</source>
        <translation>목록에 새로 들어온 트랙 %1개</translation>
    </message>
    <message>
        <source>1 left the list</source>
        <translation>목록에서 빠진 트랙 1개</translation>
    </message>
    <message>
        <source>%1 left the list</source>
        <translation>목록에서 빠진 트랙 %1개</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>%1: model %2 belongs to no participant</source>
        <translation>%1: 모델 %2이(가) 어느 참여자에게도 속하지 않습니다</translation>
    </message>
    <message>
        <source>%1: the answer to a test clip of model %2 (track %3 at %4 s) is gone</source>
        <translation>%1: 모델 %2의 테스트 클립(트랙 %3, %4초 지점)에 대한 응답이 없어졌습니다</translation>
    </message>
    <message>
        <source>%1: the %2 embedding of a test clip of model %3 (track %4 at %5 s) is missing: extract it on the Features page</source>
        <translation>%1: 모델 %3의 테스트 클립(트랙 %4, %5초 지점)의 %2 임베딩이 없습니다. 특징 페이지에서 추출하세요</translation>
    </message>
    <message>
        <source>%1: the %2 encoder changed since model %3 was trained: train it again</source>
        <translation>%1: 모델 %3을(를) 학습한 뒤 %2 인코더가 바뀌었습니다. 다시 학습하세요</translation>
    </message>
    <message>
        <source>%1: model %2 has no test clips</source>
        <translation>%1: 모델 %2에 테스트 클립이 없습니다</translation>
    </message>
    <message>
        <source>%1: model %2 cannot score its test clips (%3)</source>
        <translation>%1: 모델 %2이(가) 테스트 클립을 평가할 수 없습니다(%3)</translation>
    </message>
    <message>
        <source>%1: model %2 was trained on %3 embeddings, not %4</source>
        <translation>%1: 모델 %2은(는) %4 임베딩이 아니라 %3 임베딩으로 학습되었습니다</translation>
    </message>
    <message>
        <source>Model %1 belongs to %2: a model&apos;s predictions and space are shown for its own participant only</source>
        <translation>모델 %1은(는) %2의 모델입니다. 모델의 예측과 공간은 해당 참여자에게만 표시됩니다</translation>
    </message>
    <message>
        <source>Choose a trained model to show its embedding space</source>
        <translation>임베딩 공간을 보려면 학습된 모델을 고르세요</translation>
    </message>
    <message>
        <source>%1 space (model %2)</source>
        <translation>%1 공간(모델 %2)</translation>
    </message>
    <message>
        <source>%1 encoder space</source>
        <translation>%1 인코더 공간</translation>
    </message>
    <message>
        <source>%1: no participant &apos;%2&apos;</source>
        <translation>%1: 참여자 &apos;%2&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1: no %2 embeddings yet: extract them on the Features page</source>
        <translation>%1: 아직 %2 임베딩이 없습니다. 특징 페이지에서 추출하세요</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s) without a %1 embedding left out</source>
        <translation>
            <numerusform>%1 임베딩이 없는 클립 %n개를 제외했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Too few clips with %1 embeddings to draw a map (%2)</source>
        <translation>%1 임베딩이 있는 클립이 너무 적어 맵을 그릴 수 없습니다(%2)</translation>
    </message>
    <message>
        <source>The embedding map could not be computed: %1</source>
        <translation>임베딩 맵을 계산할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>Study</name>
    <message>
        <source>database error</source>
        <translation>데이터베이스 오류</translation>
    </message>
    <message>
        <source>a file with this name exists already</source>
        <translation>같은 이름의 파일이 이미 있습니다</translation>
    </message>
    <message>
        <source>not a Tastelab study file (it has no study id)</source>
        <translation>Tastelab 연구 파일이 아닙니다(연구 ID가 없음)</translation>
    </message>
    <message>
        <source>a participant code is required</source>
        <translation>참여자 코드가 필요합니다</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos; exists already</source>
        <translation>참여자 &apos;%1&apos;이(가) 이미 있습니다</translation>
    </message>
    <message>
        <source>the study has no track long enough for a %1 s clip; import music first</source>
        <translation>이 연구에는 %1초 클립을 만들 만큼 긴 트랙이 없습니다. 먼저 음악을 가져오세요</translation>
    </message>
    <message>
        <source>the answer&apos;s scale (%1) is not the study&apos;s (%2)</source>
        <translation>응답의 척도(%1)가 연구의 척도(%2)와 다릅니다</translation>
    </message>
    <message>
        <source>answer value %1 is outside the scale %2..%3</source>
        <translation>응답 값 %1이(가) 척도 %2..%3을(를) 벗어났습니다</translation>
    </message>
    <message>
        <source>unknown answer source &apos;%1&apos;</source>
        <translation>알 수 없는 응답 출처 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>feedback on track %1 must be stored at position %2, not %3</source>
        <translation>트랙 %1에 대한 피드백은 위치 %3이(가) 아니라 %2에 저장해야 합니다</translation>
    </message>
    <message>
        <source>a survey answer needs a clip position, not %1</source>
        <translation>설문 응답에는 클립 위치가 필요합니다(%1이(가) 아님)</translation>
    </message>
    <message>
        <source>the feedback on track %1 was not saved: %2</source>
        <translation>트랙 %1에 대한 피드백을 저장하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>the answer for clip %1 was not saved: %2</source>
        <translation>클립 %1의 응답을 저장하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>the study file is missing; the version recorded in the study stays in force</source>
        <translation>연구 파일이 없습니다. 연구에 기록된 버전이 계속 적용됩니다</translation>
    </message>
    <message>
        <source>the study has no study file</source>
        <translation>이 연구에는 연구 파일이 없습니다</translation>
    </message>
    <message>
        <source>the study file %1 changed after data collection began (recorded version %2, file %3); confirm to use the new version</source>
        <translation>연구 파일 %1이(가) 데이터 수집이 시작된 뒤에 바뀌었습니다(기록된 버전 %2, 파일 %3). 새 버전을 쓰려면 확인하세요</translation>
    </message>
    <message>
        <source>%1: &apos;mode&apos; cannot change between study and listener in an existing study</source>
        <translation>%1: 기존 연구에서는 &apos;mode&apos;를 study와 listener 사이에서 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>pool track &apos;%1&apos; is not in the library</source>
        <translation>풀 트랙 &apos;%1&apos;이(가) 라이브러리에 없습니다</translation>
    </message>
    <message>
        <source>practice track &apos;%1&apos; is not in the library</source>
        <translation>연습 트랙 &apos;%1&apos;이(가) 라이브러리에 없습니다</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos; started before the study had a study file: no schedule to regenerate</source>
        <translation>참여자 &apos;%1&apos;은(는) 연구에 연구 파일이 생기기 전에 시작했습니다: 다시 만들 일정이 없습니다</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos;: the study file version %2 is not recorded in this study</source>
        <translation>참여자 &apos;%1&apos;: 연구 파일 버전 %2이(가) 이 연구에 기록되어 있지 않습니다</translation>
    </message>
    <message>
        <source>track %1 at %2 s (block %3)</source>
        <translation>트랙 %1, %2초 지점(블록 %3)</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos;, position %2: stored %3, regenerated %4</source>
        <translation>참여자 &apos;%1&apos;, 위치 %2: 저장된 것은 %3, 다시 만든 것은 %4</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos;, position %2: %3</source>
        <translation>참여자 &apos;%1&apos;, 위치 %2: %3</translation>
    </message>
    <message>
        <source>stored but not in the regenerated schedule</source>
        <translation>저장되어 있지만 다시 만든 일정에는 없습니다</translation>
    </message>
    <message>
        <source>in the regenerated schedule but not stored</source>
        <translation>다시 만든 일정에는 있지만 저장되어 있지 않습니다</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos;: %2 clip %3 (before position %4) differs from the regenerated schedule</source>
        <translation>참여자 &apos;%1&apos;: %2 클립 %3(위치 %4 앞)이(가) 다시 만든 일정과 다릅니다</translation>
    </message>
    <message>
        <source>the answer for %1 clip %2 was not saved: %3</source>
        <translation>%1 클립 %2의 응답이 저장되지 않았습니다: %3</translation>
    </message>
    <message>
        <source>there is no answer to %1 %2 to change</source>
        <translation>바꿀 %1 %2의 응답이 없습니다</translation>
    </message>
    <message>
        <source>the changed answer was not saved: %1</source>
        <translation>바꾼 응답이 저장되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>the answer to question &apos;%1&apos; was not saved: %2</source>
        <translation>질문 &apos;%1&apos;의 응답이 저장되지 않았습니다: %2</translation>
    </message>
    <message>
        <source>station number %1 is outside 1..%2 (the study file&apos;s design.stations)</source>
        <translation>스테이션 번호 %1이(가) 1..%2 범위를 벗어났습니다(연구 파일의 design.stations)</translation>
    </message>
    <message>
        <source>the study runs on %1 stations and this file has no station number; set it first (1..%1: the Study page, or tastelab-cli station --set K)</source>
        <translation>이 연구는 스테이션 %1개로 진행되는데 이 파일에는 스테이션 번호가 없습니다. 먼저 번호를 정하세요(1..%1: 연구 페이지 또는 tastelab-cli station --set K)</translation>
    </message>
    <message>
        <source>this file&apos;s station number %1 is beyond the study&apos;s %2 stations; set it again (the Study page, or tastelab-cli station --set K)</source>
        <translation>이 파일의 스테이션 번호 %1이(가) 연구의 스테이션 수 %2을(를) 넘습니다. 다시 정하세요(연구 페이지 또는 tastelab-cli station --set K)</translation>
    </message>
</context>
<context>
    <name>StudyDatabase</name>
    <message>
        <source>cannot read the schema version (%1)</source>
        <translation>스키마 버전을 읽을 수 없습니다(%1)</translation>
    </message>
    <message>
        <source>schema step %1 is missing from this build</source>
        <translation>이 빌드에는 스키마 단계 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>upgrading to schema %1 failed: %2</source>
        <translation>스키마 %1(으)로 업그레이드하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>not a Tastelab study file (%1)</source>
        <translation>Tastelab 연구 파일이 아닙니다(%1)</translation>
    </message>
    <message>
        <source>not a Tastelab study file (an SQLite database without Tastelab&apos;s tables)</source>
        <translation>Tastelab 연구 파일이 아닙니다(Tastelab 테이블이 없는 SQLite 데이터베이스)</translation>
    </message>
    <message>
        <source>was written by a newer version of Tastelab (study format %1; this version reads up to %2). Update Tastelab to open it; the file was not changed.</source>
        <translation>더 새로운 버전의 Tastelab으로 저장된 파일입니다(연구 형식 %1, 이 버전은 %2까지 읽음). 열려면 Tastelab을 업데이트하세요. 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>cannot set up the database: %1</source>
        <translation>데이터베이스를 준비할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>was written by a newer version of Tastelab</source>
        <translation>더 새로운 버전의 Tastelab으로 저장된 파일입니다</translation>
    </message>
    <message>
        <source>study file not found (was it moved or deleted?)</source>
        <translation>연구 파일을 찾을 수 없습니다(옮겼거나 삭제했나요?)</translation>
    </message>
    <message>
        <source>is a folder, not a study file</source>
        <translation>연구 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>폴더가 없습니다</translation>
    </message>
    <message>
        <source>the file is read-only; Tastelab saves every answer as it is given, so it needs a writable study file (copy it to a writable folder)</source>
        <translation>파일이 읽기 전용입니다. Tastelab은 응답을 받는 즉시 저장하므로 쓰기 가능한 연구 파일이 필요합니다(쓰기 가능한 폴더로 복사하세요)</translation>
    </message>
    <message>
        <source>the folder is read-only; Tastelab needs to write the study file and its journal there</source>
        <translation>폴더가 읽기 전용입니다. Tastelab은 그곳에 연구 파일과 저널 파일을 써야 합니다</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>열 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>StudyFile</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>불리언 값</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>the key &apos;%1&apos; appears twice</source>
        <translation>키 &apos;%1&apos;이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <source>JSON syntax error: %1</source>
        <translation>JSON 구문 오류: %1</translation>
    </message>
    <message>
        <source>a key must be a plain name</source>
        <translation>키는 평범한 이름이어야 합니다</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>YAML 구문 오류: %1</translation>
    </message>
    <message>
        <source>YAML error: %1</source>
        <translation>YAML 오류: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be true or false, not %2</source>
        <translation>&apos;%1&apos;은(는) true 또는 false여야 합니다(현재: %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a number, not %2</source>
        <translation>&apos;%1&apos;은(는) 숫자여야 합니다(현재: %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a whole number, not %2</source>
        <translation>&apos;%1&apos;은(는) 정수여야 합니다(현재: %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be between %2 and %3, not %4</source>
        <translation>&apos;%1&apos;은(는) %2에서 %3 사이여야 합니다(현재: %4)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a string, not %2</source>
        <translation>&apos;%1&apos;은(는) 문자열이어야 합니다(현재: %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be one of %2, not %3</source>
        <translation>&apos;%1&apos;은(는) %2 중 하나여야 합니다(현재: %3)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list of strings, not %2</source>
        <translation>&apos;%1&apos;은(는) 문자열 목록이어야 합니다(현재: %2)</translation>
    </message>
    <message>
        <source>&apos;%1[%2]&apos; must be a string, not %3</source>
        <translation>&apos;%1[%2]&apos;은(는) 문자열이어야 합니다(현재: %3)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list, not %2</source>
        <translation>&apos;%1&apos;은(는) 목록이어야 합니다(현재: %2)</translation>
    </message>
    <message>
        <source>the study file must be an object (key: value pairs), not %1</source>
        <translation>연구 파일은 객체(키: 값 쌍)여야 합니다(현재: %1)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an object (key: value pairs), not %2</source>
        <translation>&apos;%1&apos;은(는) 객체(키: 값 쌍)여야 합니다(현재: %2)</translation>
    </message>
    <message>
        <source>at the top level</source>
        <translation>최상위에</translation>
    </message>
    <message>
        <source>in &apos;%1&apos;</source>
        <translation>&apos;%1&apos; 안에</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; %2 (did you mean &apos;%3&apos;?)</source>
        <translation>알 수 없는 키 &apos;%1&apos;, %2 있음(&apos;%3&apos;을(를) 뜻했나요?)</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; %2</source>
        <translation>알 수 없는 키 &apos;%1&apos;, %2 있음</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is required</source>
        <translation>&apos;%1&apos;은(는) 필수입니다</translation>
    </message>
    <message>
        <source>cannot read the study file (%1)</source>
        <translation>연구 파일을 읽을 수 없습니다(%1)</translation>
    </message>
    <message>
        <source>at line %1</source>
        <translation>%1번째 줄</translation>
    </message>
    <message>
        <source>&apos;name&apos; must not be empty</source>
        <translation>&apos;name&apos;은(는) 비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <source>scale at line %1</source>
        <translation>scale은 %1번째 줄</translation>
    </message>
    <message>
        <source>the default scale</source>
        <translation>기본 척도</translation>
    </message>
    <message>
        <source>&apos;anchors&apos; has %1 labels, but the %2 scale has %3 points (%4)</source>
        <translation>&apos;anchors&apos;에 이름이 %1개 있지만 %2 척도는 %3점입니다(%4)</translation>
    </message>
    <message>
        <source>design.clipsPerParticipant at line %1</source>
        <translation>design.clipsPerParticipant는 %1번째 줄</translation>
    </message>
    <message>
        <source>the default design.clipsPerParticipant</source>
        <translation>기본 design.clipsPerParticipant</translation>
    </message>
    <message>
        <source>&apos;design.repeats&apos; is %1, more than the %2 clips per participant (%3)</source>
        <translation>&apos;design.repeats&apos;가 %1(으)로, 참여자당 클립 %2개보다 많습니다(%3)</translation>
    </message>
    <message>
        <source>&apos;design.blockCount&apos; is %1, more than the %2 clips per participant (%3)</source>
        <translation>&apos;design.blockCount&apos;가 %1(으)로, 참여자당 클립 %2개보다 많습니다(%3)</translation>
    </message>
    <message>
        <source>random blocks need design.blockCount (default %1) to be at most the %2 clips per participant (%3)</source>
        <translation>무작위 블록에는 design.blockCount(기본값 %1)가 참여자당 클립 수 %2개 이하여야 합니다(%3)</translation>
    </message>
    <message>
        <source>&apos;design.catchPerParticipant&apos; is %1, but %2 catch clips are listed (%3)</source>
        <translation>&apos;design.catchPerParticipant&apos;가 %1이지만 확인용 클립은 %2개만 있습니다(%3)</translation>
    </message>
    <message>
        <source>design.catchClips at line %1</source>
        <translation>design.catchClips는 %1번째 줄</translation>
    </message>
    <message>
        <source>no design.catchClips</source>
        <translation>design.catchClips 없음</translation>
    </message>
    <message>
        <source>catch clip %1 needs an id</source>
        <translation>확인용 클립 %1에는 id가 필요합니다</translation>
    </message>
    <message>
        <source>catch clip id &apos;%1&apos; is used twice (first %2)</source>
        <translation>확인용 클립 id &apos;%1&apos;이(가) 두 번 쓰였습니다(처음: %2)</translation>
    </message>
    <message>
        <source>catch clip %1: &apos;file&apos; must not be empty</source>
        <translation>확인용 클립 %1: &apos;file&apos;은(는) 비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <source>catch clip %1: expected answer %2 is not on the %3-%4 scale (%5)</source>
        <translation>확인용 클립 %1: 기대 응답 %2이(가) %3-%4 척도에 없습니다(%5)</translation>
    </message>
    <message>
        <source>questionnaire %1 needs an id</source>
        <translation>설문 %1에는 id가 필요합니다</translation>
    </message>
    <message>
        <source>questionnaire id &apos;%1&apos; is used twice (first %2)</source>
        <translation>설문 id &apos;%1&apos;이(가) 두 번 쓰였습니다(처음: %2)</translation>
    </message>
    <message>
        <source>questionnaire %1 has no questions</source>
        <translation>설문 %1에 질문이 없습니다</translation>
    </message>
    <message>
        <source>question %1 of questionnaire %2 needs an id</source>
        <translation>설문 %2의 질문 %1에는 id가 필요합니다</translation>
    </message>
    <message>
        <source>question id &apos;%1&apos; is used twice in questionnaire %2 (first %3)</source>
        <translation>질문 id &apos;%1&apos;이(가) 설문 %2에서 두 번 쓰였습니다(처음: %3)</translation>
    </message>
    <message>
        <source>question %1 of questionnaire %2: &apos;text&apos; must not be empty</source>
        <translation>설문 %2의 질문 %1: &apos;text&apos;는 비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <source>question %1 of questionnaire %2 has %3 options; a &apos;%4&apos; question needs at least two (type at line %5)</source>
        <translation>설문 %2의 질문 %1에 선택지가 %3개 있습니다. &apos;%4&apos; 질문에는 적어도 두 개가 필요합니다(type은 %5번째 줄)</translation>
    </message>
    <message>
        <source>Likert question %1 of questionnaire %2 must have 5 or 7 points, not %3</source>
        <translation>설문 %2의 리커트 질문 %1은(는) 5점 또는 7점이어야 합니다(현재: %3)</translation>
    </message>
    <message>
        <source>Likert question %1 of questionnaire %2 has %3 anchors; with %4 points it needs none, 2 (the ends) or %4 (%5)</source>
        <translation>설문 %2의 리커트 질문 %1에 기준 이름이 %3개 있습니다. %4점이면 없거나, 2개(양 끝) 또는 %4개여야 합니다(%5)</translation>
    </message>
    <message>
        <source>points at line %1</source>
        <translation>points는 %1번째 줄</translation>
    </message>
    <message>
        <source>the default points</source>
        <translation>기본 points</translation>
    </message>
</context>
<context>
    <name>StudySettings</name>
    <message>
        <source>Dislike</source>
        <translation>싫어요</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>좋아요</translation>
    </message>
    <message>
        <source>Strongly dislike</source>
        <translation>매우 싫어요</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>보통이에요</translation>
    </message>
    <message>
        <source>Strongly like</source>
        <translation>매우 좋아요</translation>
    </message>
    <message>
        <source>Somewhat dislike</source>
        <translation>조금 싫어요</translation>
    </message>
    <message>
        <source>Somewhat like</source>
        <translation>조금 좋아요</translation>
    </message>
    <message>
        <source>You will hear short excerpts of music, one at a time. For each one, ask yourself:

    Would you keep listening if this came up on shuffle?

Answer as soon as the buttons light up. There are no right or wrong answers; go with your first feeling. You can replay a clip or pause at any time, and your answers are saved as you go.</source>
        <translation>짧은 음악 구간을 하나씩 듣게 됩니다. 각 구간마다 스스로에게 물어보세요:

    셔플 재생 중에 이 곡이 나오면 계속 듣겠습니까?

버튼에 불이 들어오면 바로 응답하세요. 정답도 오답도 없으니 처음 느낌대로 고르세요. 언제든지 클립을 다시 듣거나 일시 정지할 수 있으며, 응답은 그때그때 저장됩니다.</translation>
    </message>
    <message>
        <source>The study needs a name.</source>
        <translation>연구 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>Clip length must be between 1 and 120 seconds.</source>
        <translation>클립 길이는 1초에서 120초 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Clips per participant must be between 1 and 10000.</source>
        <translation>참여자당 클립 수는 1에서 10000 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Repeated clips must be between 0 and the number of clips per participant.</source>
        <translation>반복 클립 수는 0에서 참여자당 클립 수 사이여야 합니다.</translation>
    </message>
    <message>
        <source>The answer scale needs one label per point.</source>
        <translation>응답 척도에는 점마다 이름이 하나씩 필요합니다.</translation>
    </message>
    <message>
        <source>Fades must be between 0 and 500 ms.</source>
        <translation>페이드는 0에서 500 ms 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Listen to this sound and set your volume to a comfortable level. Then do not change the volume until the end of the study.</source>
        <translation>이 소리를 들으며 편안한 음량으로 맞추세요. 그런 다음 연구가 끝날 때까지 음량을 바꾸지 마세요.</translation>
    </message>
    <message>
        <source>Thank you! You have finished the study. Your answers are saved.</source>
        <translation>감사합니다! 연구를 마쳤습니다. 응답은 저장되었습니다.</translation>
    </message>
    <message>
        <source>Maximum replays must be -1 (unlimited) or more.</source>
        <translation>최대 다시 듣기 횟수는 -1(제한 없음) 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>Practice clips must be between 0 and 100.</source>
        <translation>연습 클립은 0에서 100개 사이여야 합니다.</translation>
    </message>
    <message>
        <source>The calibration sound must last between 1 and 120 seconds.</source>
        <translation>보정 소리는 1초에서 120초 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Loudness levels must be between -70 and 0 LUFS.</source>
        <translation>음량 수준은 -70에서 0 LUFS 사이여야 합니다.</translation>
    </message>
    <message>
        <source>The RMS target must be between -70 and 0 dBFS.</source>
        <translation>RMS 목표는 -70에서 0 dBFS 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Random blocks need a block count between 1 and the number of clips per participant.</source>
        <translation>무작위 블록의 블록 수는 1에서 참여자당 클립 수 사이여야 합니다.</translation>
    </message>
    <message>
        <source>The design seed must be between 0 and 2^53 - 1.</source>
        <translation>설계 시드는 0에서 2^53 - 1 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Catch clips per participant must be -1 (all) or at most the number of catch clips.</source>
        <translation>참여자당 확인 클립 수는 -1(전부)이거나 확인 클립 수 이하여야 합니다.</translation>
    </message>
    <message>
        <source>Every catch clip needs its own id (&apos;%1&apos;).</source>
        <translation>모든 확인 클립에는 고유한 id가 필요합니다(&apos;%1&apos;).</translation>
    </message>
    <message>
        <source>Catch clip &apos;%1&apos; needs a file.</source>
        <translation>확인 클립 &apos;%1&apos;에 파일이 필요합니다.</translation>
    </message>
    <message>
        <source>Catch clip &apos;%1&apos; expects %2, which is not on the answer scale (%3 to %4).</source>
        <translation>확인 클립 &apos;%1&apos;의 정답 %2은(는) 응답 척도(%3~%4)에 없습니다.</translation>
    </message>
    <message>
        <source>Every questionnaire needs its own id (&apos;%1&apos;).</source>
        <translation>모든 설문지에는 고유한 id가 필요합니다(&apos;%1&apos;).</translation>
    </message>
    <message>
        <source>Questionnaire &apos;%1&apos; has no questions.</source>
        <translation>설문지 &apos;%1&apos;에 질문이 없습니다.</translation>
    </message>
    <message>
        <source>Every question of questionnaire &apos;%1&apos; needs its own id (&apos;%2&apos;).</source>
        <translation>설문지 &apos;%1&apos;의 모든 질문에는 고유한 id가 필요합니다(&apos;%2&apos;).</translation>
    </message>
    <message>
        <source>Question &apos;%1&apos; of questionnaire &apos;%2&apos; has no text.</source>
        <translation>설문지 &apos;%2&apos;의 질문 &apos;%1&apos;에 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Question &apos;%1&apos; of questionnaire &apos;%2&apos; needs at least two options.</source>
        <translation>설문지 &apos;%2&apos;의 질문 &apos;%1&apos;에는 선택지가 두 개 이상 필요합니다.</translation>
    </message>
    <message>
        <source>Likert question &apos;%1&apos; must have 5 or 7 points.</source>
        <translation>리커트 질문 &apos;%1&apos;은(는) 5점 또는 7점이어야 합니다.</translation>
    </message>
    <message>
        <source>Likert question &apos;%1&apos; needs no anchors, 2 (the ends) or one per point.</source>
        <translation>리커트 질문 &apos;%1&apos;의 기준 문구는 없거나, 2개(양끝)이거나, 점마다 하나여야 합니다.</translation>
    </message>
    <message>
        <source>Quality thresholds cannot be negative.</source>
        <translation>품질 기준값은 음수일 수 없습니다.</translation>
    </message>
    <message>
        <source>The minimum kappa must be between -1 (off) and 1.</source>
        <translation>최소 카파는 -1(끔)에서 1 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Exclusion limits must be -1 (off) or a count / share of at most 1.</source>
        <translation>제외 한도는 -1(끔)이거나 개수 또는 1 이하의 비율이어야 합니다.</translation>
    </message>
    <message>
        <source>The number of stations must be between 1 and 1000.</source>
        <translation>스테이션 수는 1에서 1000 사이여야 합니다.</translation>
    </message>
</context>
<context>
    <name>TasteProfile</name>
    <message>
        <source>no participant &apos;%1&apos;</source>
        <translation>참여자 &apos;%1&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos; has no trained model yet: train one on the Models page</source>
        <translation>참여자 &apos;%1&apos;에게 학습된 모델이 아직 없습니다. 모델 페이지에서 학습하세요</translation>
    </message>
    <message>
        <source>no stored model %1</source>
        <translation>저장된 모델 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>model %1 belongs to another participant</source>
        <translation>모델 %1은(는) 다른 참여자의 모델입니다</translation>
    </message>
    <message>
        <source>no embeddings for %1 yet: extract them on the Features page</source>
        <translation>아직 %1 임베딩이 없습니다. 특징 페이지에서 추출하세요</translation>
    </message>
    <message>
        <source>model %1 cannot score the %2 embeddings (%3): retrain it</source>
        <translation>모델 %1이(가) %2 임베딩을 평가할 수 없습니다(%3). 다시 학습하세요</translation>
    </message>
    <message>
        <source>participant &apos;%1&apos; has no rated track with a %2 embedding</source>
        <translation>참여자 &apos;%1&apos;에게 %2 임베딩이 있는 평가한 트랙이 없습니다</translation>
    </message>
    <message>
        <source>%1 has no CLEP space: the prototypes are found in the encoder&apos;s (standardised) space</source>
        <translation>%1에는 CLEP 공간이 없어 프로토타입을 인코더의 (표준화된) 공간에서 찾았습니다</translation>
    </message>
    <message>
        <source>steering direction must be +1 (more) or -1 (less)</source>
        <translation>조정 방향은 +1(더) 또는 -1(덜)이어야 합니다</translation>
    </message>
    <message>
        <source>steering weight must be a number &gt;= 0</source>
        <translation>조정 가중치는 0 이상의 수여야 합니다</translation>
    </message>
    <message>
        <source>no track %1 in the study</source>
        <translation>연구에 트랙 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>steering needs a track or an anchor vector with its encoder</source>
        <translation>조정에는 트랙 또는 인코더가 지정된 기준 벡터가 필요합니다</translation>
    </message>
    <message>
        <source>the steering feedback was not saved: %1</source>
        <translation>조정 피드백을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>moved as asked: %1</source>
        <translation>요청한 방향으로 움직임: %1</translation>
    </message>
    <message>
        <source>did not move as asked: %1</source>
        <translation>요청한 방향으로 움직이지 않음: %1</translation>
    </message>
    <message>
        <source> (neighbours %1)</source>
        <translation> (이웃 %1)</translation>
    </message>
    <message>
        <source>track %1 has no embedding for the model&apos;s encoder</source>
        <translation>트랙 %1에 모델 인코더의 임베딩이 없습니다</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <source>participant &apos;%1&apos; has %2 liked and %3 disliked clips with %4 embeddings; training needs at least 4 of each</source>
        <translation>참여자 &apos;%1&apos;은(는) %4 임베딩이 있는 클립 중 좋아요 %2개, 싫어요 %3개입니다. 학습에는 각각 적어도 4개가 필요합니다</translation>
    </message>
    <message>
        <source> (%1 answered clips have no embedding yet: extract them on the Features page)</source>
        <translation> (응답한 클립 %1개에 아직 임베딩이 없습니다. 특징 페이지에서 추출하세요)</translation>
    </message>
    <message>
        <source>Training stopped: %1</source>
        <translation>학습 중단: %1</translation>
    </message>
    <message>
        <source>Training was cancelled.</source>
        <translation>학습이 취소되었습니다.</translation>
    </message>
    <message>
        <source>%1 answered clips (%2 liked, %3 disliked%4), split 3:1 into training and test.</source>
        <translation>응답한 클립 %1개(좋아요 %2개, 싫어요 %3개%4)를 학습용과 테스트용으로 3:1 분할했습니다.</translation>
    </message>
    <message>
        <source>; %1 of them feedback from the recommendation list</source>
        <translation>; 그중 %1개는 추천 목록의 피드백</translation>
    </message>
    <message>
        <source>%1: accuracy %2, precision %3, recall %4, F1 %5, AUROC %6, FPR %7 (TP %8, TN %9, FP %10, FN %11)%12</source>
        <translation>%1: 정확도 %2, 정밀도 %3, 재현율 %4, F1 %5, AUROC %6, FPR %7 (TP %8, TN %9, FP %10, FN %11)%12</translation>
    </message>
    <message>
        <source> [stored as model %1]</source>
        <translation> [모델 %1(으)로 저장됨]</translation>
    </message>
    <message>
        <source>%1: no participant &apos;%2&apos;</source>
        <translation>%1: 참여자 &apos;%2&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>unknown model &apos;%1&apos; (known: %2)</source>
        <translation>알 수 없는 모델 &apos;%1&apos;(알려진 모델: %2)</translation>
    </message>
    <message>
        <source>training %1 failed: %2</source>
        <translation>%1 학습 실패: %2</translation>
    </message>
    <message>
        <source>%1: the trained %2 model was not saved: %3</source>
        <translation>%1: 학습한 %2 모델을 저장하지 못했습니다: %3</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1: no stored model %2</source>
        <translation>%1: 저장된 모델 %2이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1: stored model %2 cannot be read (%3)</source>
        <translation>%1: 저장된 모델 %2을(를) 읽을 수 없습니다(%3)</translation>
    </message>
    <message>
        <source>%1 steering requests (more / less like this) steer the CLEP embedder.</source>
        <translation>조정 요청 %1개(이런 곡 더 / 덜)가 CLEP 임베더를 조정합니다.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Collect music preferences: participants rate short clips, answers go to a study file.</source>
        <translation>음악 선호도를 수집합니다. 참여자가 짧은 클립을 평가하고, 응답은 연구 파일에 저장됩니다.</translation>
    </message>
    <message>
        <source>Open the built-in demo study (created on first use).</source>
        <translation>내장 데모 연구를 엽니다(처음 사용할 때 만들어짐).</translation>
    </message>
    <message>
        <source>Interface language for this run: en or ko (default: the preferences).</source>
        <translation>이번 실행의 인터페이스 언어: en 또는 ko (기본값: 환경설정)</translation>
    </message>
    <message>
        <source>Study file (*.tastelab) to open.</source>
        <translation>열 연구 파일(*.tastelab).</translation>
    </message>
</context>
<context>
    <name>tastelab::CalibrationView</name>
    <message>
        <source>Set the volume</source>
        <translation>음량 맞추기</translation>
    </message>
    <message>
        <source>The volume is set — continue</source>
        <translation>음량을 맞췄습니다 — 계속</translation>
    </message>
    <message>
        <source>Stop for now</source>
        <translation>여기서 멈추기</translation>
    </message>
    <message>
        <source>Stop the sound</source>
        <translation>소리 멈추기</translation>
    </message>
    <message>
        <source>Play the sound</source>
        <translation>소리 재생</translation>
    </message>
</context>
<context>
    <name>tastelab::ClipPage</name>
    <message>
        <source>Less than a minute left</source>
        <translation>1분도 안 남았어요</translation>
    </message>
    <message>
        <source>About %1 min left</source>
        <translation>약 %1분 남았어요</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>다시 듣기</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Stop for now</source>
        <translation>여기서 멈추기</translation>
    </message>
    <message>
        <source>Answers so far are saved; the participant can resume with the same code.</source>
        <translation>지금까지의 응답은 저장되어 있습니다. 같은 코드로 이어서 할 수 있습니다.</translation>
    </message>
    <message>
        <source>Keys: L or → = Like · D or ← = Dislike · R = Replay · P = Pause</source>
        <translation>키: L 또는 → = 좋아요 · D 또는 ← = 싫어요 · R = 다시 듣기 · P = 일시 정지</translation>
    </message>
    <message>
        <source>Keys: 1 to %1 = your answer · R = Replay · P = Pause</source>
        <translation>키: 1~%1 = 응답 · R = 다시 듣기 · P = 일시 정지</translation>
    </message>
    <message>
        <source>Dislike</source>
        <translation>싫어요</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>좋아요</translation>
    </message>
    <message>
        <source>%1
(D / ←)</source>
        <translation>%1
(D / ←)</translation>
    </message>
    <message>
        <source>%1
(L / →)</source>
        <translation>%1
(L / →)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Your answer?</source>
        <translation>응답해 주세요.</translation>
    </message>
    <message>
        <source>Listen…</source>
        <translation>들어 보세요…</translation>
    </message>
    <message>
        <source>Listen… (answer in %1 s)</source>
        <translation>들어 보세요… (%1초 후 응답)</translation>
    </message>
    <message>
        <source>Replay (%1)</source>
        <translation>다시 듣기 (%1)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Go back to the previous clip and change its answer</source>
        <translation>이전 클립으로 돌아가 응답을 바꿉니다</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Replay (%1 of %2)</source>
        <translation>다시 듣기 (%2회 중 %1회)</translation>
    </message>
    <message>
        <source>Your earlier answer: %1. Choose again to change it.</source>
        <translation>이전 응답: %1. 바꾸려면 다시 고르세요.</translation>
    </message>
</context>
<context>
    <name>tastelab::ClipPlanWizardPage</name>
    <message>
        <source>Plan the clips</source>
        <translation>클립 계획</translation>
    </message>
    <message>
        <source>Every participant hears their own random selection of excerpts, one per track.</source>
        <translation>참여자마다 트랙당 하나씩, 무작위로 고른 자신만의 발췌 구간을 듣습니다.</translation>
    </message>
    <message>
        <source>&amp;Balance genres (the same number of clips from each genre)</source>
        <translation>장르 균형 맞추기(&amp;B) (장르마다 같은 수의 클립)</translation>
    </message>
    <message>
        <source>Clips played a second time later on, to measure how consistent a participant&apos;s answers are.</source>
        <translation>참여자 응답의 일관성을 재기 위해 나중에 한 번 더 재생하는 클립입니다.</translation>
    </message>
    <message>
        <source>Clip length:</source>
        <translation>클립 길이:</translation>
    </message>
    <message>
        <source>&amp;Clips per participant:</source>
        <translation>참여자당 클립 수(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Repeated clips (consistency check):</source>
        <translation>반복 클립(&amp;R) (일관성 확인):</translation>
    </message>
    <message>
        <source>Preview for one participant:</source>
        <translation>참여자 한 명 기준 미리 보기:</translation>
    </message>
    <message>
        <source>%1 s (chosen with the music: it decided which tracks were long enough)</source>
        <translation>%1초 (음악을 고를 때 정함: 이 길이에 따라 충분히 긴 트랙이 정해졌습니다)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Clips per participant: %1 (repeated: %2) · about %3 min of listening</source>
        <translation>참여자당 클립: %1개 (반복: %2개) · 약 %3분 동안 듣기</translation>
    </message>
    <message>
        <source>Per genre: %1</source>
        <translation>장르별: %1</translation>
    </message>
    <message>
        <source>The library has enough tracks for only %1 different clips.</source>
        <translation>라이브러리의 트랙으로는 서로 다른 클립을 %1개까지만 만들 수 있습니다.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>참고: %1</translation>
    </message>
    <message>
        <source>No tracks have been imported.</source>
        <translation>가져온 트랙이 없습니다.</translation>
    </message>
    <message>
        <source>There cannot be more repeated clips than clips.</source>
        <translation>반복 클립이 전체 클립보다 많을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::ClipPlayer</name>
    <message>
        <source>Cannot play %1: the file holds no audio at %2 s.</source>
        <translation>%1을(를) 재생할 수 없습니다: 파일의 %2초 지점에 오디오가 없습니다.</translation>
    </message>
    <message>
        <source>Cannot play %1: %2</source>
        <translation>%1을(를) 재생할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The audio device failed: no audio output is available. Check that the sound system (PulseAudio) is running and an output is connected.</source>
        <translation>오디오 장치 오류: 사용할 수 있는 오디오 출력이 없습니다. 사운드 시스템(PulseAudio)이 실행 중이고 출력 장치가 연결되어 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>could not be opened</source>
        <translation>열 수 없습니다</translation>
    </message>
    <message>
        <source>reported a write error</source>
        <translation>쓰기 오류가 발생했습니다</translation>
    </message>
    <message>
        <source>lost its connection to the sound server</source>
        <translation>사운드 서버와 연결이 끊어졌습니다</translation>
    </message>
    <message>
        <source>stopped taking audio</source>
        <translation>더 이상 오디오를 받지 않습니다</translation>
    </message>
    <message>
        <source>is no longer available</source>
        <translation>더 이상 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>The audio device failed: &quot;%1&quot; %2. Check the audio output (Settings &gt; Preferences) and try again.</source>
        <translation>오디오 장치 오류: &quot;%1&quot;: %2. 오디오 출력(설정 &gt; 환경설정)을 확인한 뒤 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>tastelab::ConsentPage</name>
    <message>
        <source>Consent</source>
        <translation>참여 동의</translation>
    </message>
    <message>
        <source>I have read the text above and agree to take part.</source>
        <translation>위 내용을 읽었으며 참여에 동의합니다.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>I do not agree</source>
        <translation>동의하지 않음</translation>
    </message>
    <message>
        <source>Nothing more is recorded; the researcher can start again.</source>
        <translation>더 이상 기록되지 않습니다. 연구자가 다시 시작할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::DemographicsPage</name>
    <message>
        <source>About you</source>
        <translation>자기소개</translation>
    </message>
    <message>
        <source>A few questions before we start. You may leave any of them empty.</source>
        <translation>시작하기 전에 몇 가지 질문에 답해 주세요. 답하고 싶지 않은 질문은 비워 두어도 됩니다.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>답하지 않겠습니다</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>나이:</translation>
    </message>
</context>
<context>
    <name>tastelab::DesignEditor</name>
    <message>
        <source>&amp;Balance genres (the same number of clips from each genre)</source>
        <translation>장르 균형 맞추기(&amp;B) (장르마다 같은 수의 클립)</translation>
    </message>
    <message>
        <source>&amp;Clips per participant:</source>
        <translation>참여자당 클립 수(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Repeated clips (consistency check):</source>
        <translation>반복 클립(&amp;R) (일관성 확인):</translation>
    </message>
    <message>
        <source>None (one block)</source>
        <translation>없음 (블록 하나)</translation>
    </message>
    <message>
        <source>One block per genre</source>
        <translation>장르마다 블록 하나</translation>
    </message>
    <message>
        <source>Random blocks</source>
        <translation>무작위 블록</translation>
    </message>
    <message>
        <source>number of blocks: </source>
        <translation>블록 수: </translation>
    </message>
    <message>
        <source>Shuffle the order of the &amp;blocks for each participant</source>
        <translation>참여자마다 블록 순서 섞기(&amp;B)</translation>
    </message>
    <message>
        <source>Shuffle the clips &amp;within each block</source>
        <translation>블록 안의 클립 순서 섞기(&amp;W)</translation>
    </message>
    <message>
        <source>B&amp;locks:</source>
        <translation>블록(&amp;L):</translation>
    </message>
    <message>
        <source>Clips are drawn only from the checked genres; none checked = the whole library.</source>
        <translation>체크한 장르에서만 클립을 뽑습니다. 아무것도 체크하지 않으면 라이브러리 전체에서 뽑습니다.</translation>
    </message>
    <message>
        <source>&amp;Pool of clips:</source>
        <translation>클립 풀(&amp;P):</translation>
    </message>
    <message>
        <source>Balanced &amp;assignment: every clip of the pool is heard about equally often across participants</source>
        <translation>균형 배정(&amp;A): 풀의 모든 클립을 참여자 전체에 걸쳐 거의 같은 횟수로 들려줍니다</translation>
    </message>
    <message>
        <source>New Seed</source>
        <translation>새 시드</translation>
    </message>
    <message>
        <source>Study &amp;seed:</source>
        <translation>연구 시드(&amp;S):</translation>
    </message>
    <message>
        <source>A participant&apos;s whole schedule follows from these options, the library and the participant&apos;s seed, so it can be regenerated and audited (tastelab-cli schedule).</source>
        <translation>참여자의 전체 일정은 이 옵션, 라이브러리, 참여자의 시드로 정해지므로 다시 만들어 검증할 수 있습니다 (tastelab-cli schedule).</translation>
    </message>
    <message numerus="yes">
        <source>The study file also names %n track(s) for the pool (edit them there).</source>
        <translation>
            <numerusform>연구 파일에 풀에 넣을 트랙 %n개가 더 지정되어 있습니다 (파일에서 편집하세요).</numerusform>
        </translation>
    </message>
    <message>
        <source>There cannot be more random blocks (%1) than clips per participant (%2).</source>
        <translation>무작위 블록 수(%1)가 참여자당 클립 수(%2)보다 많을 수 없습니다.</translation>
    </message>
    <message>
        <source>There cannot be more repeated clips than clips.</source>
        <translation>반복 클립이 전체 클립보다 많을 수 없습니다.</translation>
    </message>
    <message>
        <source>Computers collecting this study in parallel. Each gets its station number on the Study page; their files merge into one balanced assignment.</source>
        <translation>이 연구를 동시에 수집하는 컴퓨터 수입니다. 각 컴퓨터는 연구 페이지에서 스테이션 번호를 받고, 그 파일들은 하나의 균형 배정으로 병합됩니다.</translation>
    </message>
    <message>
        <source>S&amp;tations:</source>
        <translation>스테이션(&amp;T):</translation>
    </message>
</context>
<context>
    <name>tastelab::EmbeddingMapView</name>
    <message>
        <source>Space:</source>
        <translation>공간:</translation>
    </message>
    <message>
        <source>The raw encoder embeddings, or the space of the chosen CLEP model (its embedder&apos;s output).</source>
        <translation>인코더의 원래 임베딩, 또는 고른 CLEP 모델의 공간(임베더의 출력)입니다.</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>색 기준:</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>장르</translation>
    </message>
    <message>
        <source>Predicted probability</source>
        <translation>예측 확률</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>참여자</translation>
    </message>
    <message>
        <source>Unheard library excerpts</source>
        <translation>듣지 않은 라이브러리 발췌 구간</translation>
    </message>
    <message>
        <source>Adds one excerpt of every track the participant did not hear (grey), where its embedding has been extracted.</source>
        <translation>참여자가 듣지 않은 모든 트랙에서 발췌 구간을 하나씩(회색) 추가합니다. 임베딩이 추출된 구간만 해당됩니다.</translation>
    </message>
    <message>
        <source>Perplexity:</source>
        <translation>퍼플렉서티:</translation>
    </message>
    <message>
        <source>t-SNE&apos;s perplexity (about the number of neighbours each point keeps close); lowered automatically for small maps.</source>
        <translation>t-SNE의 퍼플렉서티(각 점이 가까이 두는 이웃의 수와 비슷함). 작은 맵에서는 자동으로 낮춥니다.</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>선택</translation>
    </message>
    <message>
        <source>Drag a rectangle to list its clips (or hold Shift while dragging). Ctrl adds to the selection.</source>
        <translation>사각형을 드래그하면 그 안의 클립이 목록에 나옵니다(또는 Shift를 누른 채 드래그). Ctrl을 누르면 선택에 추가됩니다.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞추기</translation>
    </message>
    <message>
        <source>Show every point again after zooming (wheel) and panning (drag).</source>
        <translation>확대(휠)와 이동(드래그) 후 모든 점을 다시 보여 줍니다.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>PNG image (300 dpi)…</source>
        <translation>PNG 이미지(300 dpi)…</translation>
    </message>
    <message>
        <source>SVG vector image…</source>
        <translation>SVG 벡터 이미지…</translation>
    </message>
    <message>
        <source>PDF document…</source>
        <translation>PDF 문서…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Compute map</source>
        <translation>맵 계산</translation>
    </message>
    <message>
        <source>Double-click a clip to play it.</source>
        <translation>클립을 두 번 클릭하면 재생됩니다.</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>선택 해제</translation>
    </message>
    <message>
        <source>Encoder space (raw embeddings)</source>
        <translation>인코더 공간(원래 임베딩)</translation>
    </message>
    <message>
        <source>%1 model space</source>
        <translation>%1 모델 공간</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>참여자 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 space</source>
        <translation>%1 공간</translation>
    </message>
    <message>
        <source>encoder space</source>
        <translation>인코더 공간</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No study is open.</source>
        <translation>열린 연구가 없습니다.</translation>
    </message>
    <message>
        <source>Choose a participant.</source>
        <translation>참여자를 고르세요.</translation>
    </message>
    <message>
        <source>Choose the embeddings.</source>
        <translation>임베딩을 고르세요.</translation>
    </message>
    <message>
        <source>Computing the t-SNE map of %1…</source>
        <translation>%1의 t-SNE 맵을 계산하는 중…</translation>
    </message>
    <message>
        <source>t-SNE %p%</source>
        <translation>t-SNE %p%</translation>
    </message>
    <message>
        <source>Collecting the embeddings…</source>
        <translation>임베딩을 모으는 중…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>t-SNE iteration %1 of %2</source>
        <translation>t-SNE 반복 %1 / %2</translation>
    </message>
    <message>
        <source>t-SNE iteration %1 of %2 · KL divergence %3</source>
        <translation>t-SNE 반복 %1 / %2 · KL 발산 %3</translation>
    </message>
    <message>
        <source>The map was cancelled. Press “Compute map” to run t-SNE again.</source>
        <translation>맵 계산이 취소되었습니다. t-SNE를 다시 실행하려면 “맵 계산”을 누르세요.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>No map: %1</source>
        <translation>맵 없음: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n clip(s)</source>
        <translation>
            <numerusform>%1: 클립 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unheard excerpt(s)</source>
        <translation>
            <numerusform>듣지 않은 발췌 구간 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>t-SNE %1 on %2</source>
        <translation>%2에서 t-SNE %1</translation>
    </message>
    <message>
        <source>(method unknown)</source>
        <translation>(방법 알 수 없음)</translation>
    </message>
    <message>
        <source>KL divergence %1</source>
        <translation>KL 발산 %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>참고: %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>No clips selected. Drag with Shift held (or with Select on) to list clips here.</source>
        <translation>선택한 클립이 없습니다. Shift를 누른 채(또는 선택을 켜고) 드래그하면 여기에 클립이 나옵니다.</translation>
    </message>
    <message>
        <source>1 clip selected (double-click to play):</source>
        <translation>클립 1개 선택됨(두 번 클릭하면 재생):</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s) selected (double-click to play):</source>
        <translation>
            <numerusform>클립 %n개 선택됨(두 번 클릭하면 재생):</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Track %1</source>
        <translation>트랙 %1</translation>
    </message>
    <message>
        <source>P(like) %1</source>
        <translation>P(좋아요) %1</translation>
    </message>
    <message>
        <source>No audio player.</source>
        <translation>오디오 플레이어가 없습니다.</translation>
    </message>
    <message>
        <source>Cannot play %1: the music file is missing (Locate music folder on the Study page).</source>
        <translation>%1을(를) 재생할 수 없습니다: 음악 파일이 없습니다(연구 페이지의 음악 폴더 찾기).</translation>
    </message>
    <message>
        <source>Playing: %1</source>
        <translation>재생 중: %1</translation>
    </message>
    <message>
        <source>There is no map to export.</source>
        <translation>내보낼 맵이 없습니다.</translation>
    </message>
    <message>
        <source>Unknown export format %1.</source>
        <translation>알 수 없는 내보내기 형식 %1.</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지(*.png)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 이미지(*.svg)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 문서(*.pdf)</translation>
    </message>
    <message>
        <source>Export the map</source>
        <translation>맵 내보내기</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Play “%1”</source>
        <translation>“%1” 재생</translation>
    </message>
    <message>
        <source>this clip</source>
        <translation>이 클립</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>this track</source>
        <translation>이 트랙</translation>
    </message>
    <message>
        <source>%1 tracks</source>
        <translation>트랙 %1개</translation>
    </message>
    <message>
        <source>Wrong: I like this</source>
        <translation>잘못된 예측: 실제로는 좋아함</translation>
    </message>
    <message>
        <source>Wrong: %1 likes %2</source>
        <translation>잘못된 예측: %1은(는) %2을(를) 좋아함</translation>
    </message>
    <message>
        <source>Wrong: not for me</source>
        <translation>잘못된 예측: 실제로는 내 취향 아님</translation>
    </message>
    <message>
        <source>Wrong: %1 is not for %2</source>
        <translation>잘못된 예측: %1은(는) %2의 취향 아님</translation>
    </message>
    <message>
        <source>The model already agrees with %1&apos;s answers here: feedback is for unheard tracks and wrong predictions</source>
        <translation>여기서는 모델이 이미 %1의 응답과 일치합니다. 피드백은 듣지 않은 트랙과 잘못된 예측에만 줄 수 있습니다</translation>
    </message>
    <message>
        <source>Saved as %1&apos;s feedback; the recommendations retrain on it</source>
        <translation>%1의 피드백으로 저장합니다. 추천은 이를 반영해 재학습됩니다</translation>
    </message>
    <message>
        <source>There is no unheard or wrongly predicted track here to give feedback on.</source>
        <translation>여기에는 피드백을 줄 수 있는 트랙(듣지 않았거나 잘못 예측된 트랙)이 없습니다.</translation>
    </message>
    <message>
        <source>The feedback could not be saved: %1</source>
        <translation>피드백을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Saved: %1 likes %2. The recommendations retrain on it.</source>
        <translation>저장됨: %1은(는) %2을(를) 좋아합니다. 추천은 이를 반영해 재학습됩니다.</translation>
    </message>
    <message>
        <source>Saved: %1 is not for %2. The recommendations retrain on it.</source>
        <translation>저장됨: %1은(는) %2의 취향이 아닙니다. 추천은 이를 반영해 재학습됩니다.</translation>
    </message>
    <message>
        <source>Why this track?</source>
        <translation>왜 이 곡인가요?</translation>
    </message>
    <message>
        <source>Play and see which parts of this clip push the model towards like or dislike</source>
        <translation>이 클립의 어느 부분이 모델을 좋아요 또는 싫어요 쪽으로 움직이는지 듣고 봅니다</translation>
    </message>
    <message>
        <source>Choose a model of one participant to explain its predictions</source>
        <translation>예측을 설명하려면 한 참가자의 모델을 선택하세요</translation>
    </message>
</context>
<context>
    <name>tastelab::EmbeddingPlot</name>
    <message>
        <source>predicted P(like)</source>
        <translation>예측 P(좋아요)</translation>
    </message>
    <message>
        <source>t-SNE 1</source>
        <translation>t-SNE 1</translation>
    </message>
    <message>
        <source>t-SNE 2</source>
        <translation>t-SNE 2</translation>
    </message>
    <message>
        <source>(no genre)</source>
        <translation>(장르 없음)</translation>
    </message>
    <message>
        <source>No clips to show.</source>
        <translation>표시할 클립이 없습니다.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>liked</source>
        <translation>좋아요</translation>
    </message>
    <message>
        <source>disliked</source>
        <translation>싫어요</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>unheard</source>
        <translation>듣지 않음</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>장르</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>참여자</translation>
    </message>
    <message>
        <source>Genre (shape)</source>
        <translation>장르(모양)</translation>
    </message>
    <message>
        <source>liked (%1)</source>
        <translation>좋아요(%1)</translation>
    </message>
    <message>
        <source>disliked (%1)</source>
        <translation>싫어요(%1)</translation>
    </message>
    <message>
        <source>neutral (%1)</source>
        <translation>보통(%1)</translation>
    </message>
    <message>
        <source>Track %1</source>
        <translation>트랙 %1</translation>
    </message>
    <message>
        <source>Genre: %1</source>
        <translation>장르: %1</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>응답: %1</translation>
    </message>
    <message>
        <source>Predicted P(like): %1</source>
        <translation>예측 P(좋아요): %1</translation>
    </message>
    <message>
        <source>Participant: %1</source>
        <translation>참여자: %1</translation>
    </message>
    <message>
        <source>Excerpt %1–%2 s · click to play</source>
        <translation>발췌 구간 %1–%2초 · 클릭하면 재생</translation>
    </message>
    <message>
        <source>The PNG file %1 could not be written.</source>
        <translation>PNG 파일 %1을(를) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Embedding map</source>
        <translation>임베딩 맵</translation>
    </message>
    <message>
        <source>Tastelab embedding map</source>
        <translation>Tastelab 임베딩 맵</translation>
    </message>
    <message>
        <source>The SVG file %1 could not be written.</source>
        <translation>SVG 파일 %1을(를) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The PDF file %1 could not be written.</source>
        <translation>PDF 파일 %1을(를) 쓸 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::ExplanationView</name>
    <message>
        <source>Wave</source>
        <translation>파형</translation>
    </message>
    <message>
        <source>%1 kHz</source>
        <translation>%1 kHz</translation>
    </message>
    <message>
        <source>0 Hz</source>
        <translation>0 Hz</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Harmonic</source>
        <translation>화성</translation>
    </message>
    <message>
        <source>Percussive</source>
        <translation>타악</translation>
    </message>
    <message>
        <source>Why liked</source>
        <translation>좋아한 이유</translation>
    </message>
    <message>
        <source>Why disliked</source>
        <translation>싫어한 이유</translation>
    </message>
    <message>
        <source>Time segments</source>
        <translation>시간 구간</translation>
    </message>
    <message>
        <source>Frequency bands</source>
        <translation>주파수 대역</translation>
    </message>
    <message>
        <source>Harmonic / percussive</source>
        <translation>화성 / 타악</translation>
    </message>
    <message>
        <source>Segments × harmonic / percussive (slow)</source>
        <translation>구간 × 화성 / 타악 (느림)</translation>
    </message>
    <message>
        <source>How the excerpt is cut into parts whose influence is measured</source>
        <translation>영향을 측정할 부분으로 발췌를 나누는 방법</translation>
    </message>
    <message>
        <source>Top highlight</source>
        <translation>최상위 하이라이트</translation>
    </message>
    <message>
        <source>Play only the most influential part</source>
        <translation>가장 영향이 큰 부분만 재생</translation>
    </message>
    <message>
        <source>Top 3</source>
        <translation>상위 3개</translation>
    </message>
    <message>
        <source>Play only the three most influential parts</source>
        <translation>가장 영향이 큰 세 부분만 재생</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>How well the per-part weights reproduce the model&apos;s scores when parts are switched off (R², 1 = perfectly)</source>
        <translation>부분을 끌 때 부분별 가중치가 모델의 점수를 얼마나 잘 재현하는지 (R², 1 = 완벽)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Why this track? – %1</source>
        <translation>왜 이 곡인가요? – %1</translation>
    </message>
    <message>
        <source>“%1” by %2</source>
        <translation>%2의 “%1”</translation>
    </message>
    <message>
        <source>unknown artist</source>
        <translation>알 수 없는 아티스트</translation>
    </message>
    <message>
        <source>No study is open.</source>
        <translation>열린 연구가 없습니다.</translation>
    </message>
    <message>
        <source>Explaining: switching parts of the excerpt off and asking the model again…</source>
        <translation>설명하는 중: 발췌의 부분을 끄고 모델에 다시 묻는 중…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <source>The explanation failed: %1</source>
        <translation>설명하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>No part of this excerpt pushes the model towards “like”.</source>
        <translation>이 발췌에는 모델을 “좋아요” 쪽으로 움직이는 부분이 없습니다.</translation>
    </message>
    <message>
        <source>No part of this excerpt pushes the model towards “dislike”.</source>
        <translation>이 발췌에는 모델을 “싫어요” 쪽으로 움직이는 부분이 없습니다.</translation>
    </message>
    <message>
        <source>Red parts push the model towards “like”, blue parts towards “dislike”; the stronger the colour, the larger the effect. Model %1 (%2), excerpt %3–%4 s.</source>
        <translation>빨간 부분은 모델을 “좋아요” 쪽으로, 파란 부분은 “싫어요” 쪽으로 움직입니다. 색이 진할수록 영향이 큽니다. 모델 %1 (%2), 발췌 %3–%4초.</translation>
    </message>
    <message>
        <source>exact Shapley values</source>
        <translation>정확한 섀플리 값</translation>
    </message>
    <message>
        <source>LIME</source>
        <translation>LIME</translation>
    </message>
    <message>
        <source>below −1</source>
        <translation>−1 미만</translation>
    </message>
    <message numerus="yes">
        <source>Like probability %1 · fidelity R² %2 (%3, %n evaluation(s), %4 s)</source>
        <translation>
            <numerusform>좋아요 확률 %1 · 충실도 R² %2 (%3, 평가 %n회, %4초)</numerusform>
        </translation>
    </message>
    <message>
        <source>The parts could not be played: %1</source>
        <translation>부분을 재생할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The part to steer the model on (or click it in the picture)</source>
        <translation>모델을 조정할 부분(또는 그림에서 클릭하세요)</translation>
    </message>
    <message>
        <source>More like this part</source>
        <translation>이 부분과 더 비슷하게</translation>
    </message>
    <message>
        <source>Teach the model: more music like this part of the excerpt (retrains it)</source>
        <translation>모델 가르치기: 발췌 구간의 이 부분과 비슷한 음악을 더 많이(모델을 다시 학습합니다)</translation>
    </message>
    <message>
        <source>Less like this</source>
        <translation>이것과 덜 비슷하게</translation>
    </message>
    <message>
        <source>Teach the model: less music like this part of the excerpt (retrains it)</source>
        <translation>모델 가르치기: 발췌 구간의 이 부분과 비슷한 음악을 더 적게(모델을 다시 학습합니다)</translation>
    </message>
    <message>
        <source>Part:</source>
        <translation>부분:</translation>
    </message>
    <message>
        <source>Steering cancelled; nothing was saved.</source>
        <translation>조정이 취소되었습니다. 아무것도 저장되지 않았습니다.</translation>
    </message>
    <message>
        <source>The part could not be steered: %1</source>
        <translation>이 부분을 조정할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>no explanation</source>
        <translation>설명 없음</translation>
    </message>
    <message>
        <source>Saved: more like “%1”. Retraining the model…</source>
        <translation>저장됨: “%1”과(와) 더 비슷하게. 모델을 다시 학습하는 중…</translation>
    </message>
    <message>
        <source>Saved: less like “%1”. Retraining the model…</source>
        <translation>저장됨: “%1”과(와) 덜 비슷하게. 모델을 다시 학습하는 중…</translation>
    </message>
    <message>
        <source>%1 (weight %2)</source>
        <translation>%1 (가중치 %2)</translation>
    </message>
    <message>
        <source>A steering is running: wait for its result.</source>
        <translation>조정이 진행 중입니다: 결과를 기다려 주세요.</translation>
    </message>
    <message>
        <source>Wait for the explanation before steering a part.</source>
        <translation>부분을 조정하기 전에 설명이 끝날 때까지 기다려 주세요.</translation>
    </message>
    <message>
        <source>Choose a part to steer.</source>
        <translation>조정할 부분을 선택하세요.</translation>
    </message>
    <message>
        <source>Steering teaches the CLEP embedder, and model %1 is %2: explain with a CLEP model to steer a part.</source>
        <translation>조정은 CLEP 임베더를 가르치는데, 모델 %1은(는) %2입니다: 부분을 조정하려면 CLEP 모델로 설명하세요.</translation>
    </message>
    <message>
        <source>Embedding the excerpt with and without “%1”…</source>
        <translation>“%1”이(가) 있을 때와 없을 때의 발췌 구간을 임베딩하는 중…</translation>
    </message>
    <message>
        <source>Retraining %1 with the steering: %2 epoch %3 of %4</source>
        <translation>조정을 반영해 %1 다시 학습 중: %2 에포크 %3/%4</translation>
    </message>
    <message>
        <source>Retraining cancelled; the steering is saved and takes part in the next training.</source>
        <translation>다시 학습이 취소되었습니다. 조정은 저장되었으며 다음 학습에 반영됩니다.</translation>
    </message>
    <message>
        <source>The retraining failed: %1</source>
        <translation>다시 학습에 실패했습니다: %1</translation>
    </message>
    <message>
        <source>no model was stored</source>
        <translation>저장된 모델이 없습니다</translation>
    </message>
    <message>
        <source>Retrained (model %1); explaining the excerpt with it…</source>
        <translation>다시 학습됨(모델 %1). 이 모델로 발췌 구간을 설명하는 중…</translation>
    </message>
    <message>
        <source>Retrained (model %1), but the part&apos;s new weight could not be measured: %2</source>
        <translation>다시 학습되었지만(모델 %1) 이 부분의 새 가중치를 측정할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>“%1”: %2 (weight %3 → %4; new model %5).</source>
        <translation>“%1”: %2 (가중치 %3 → %4, 새 모델 %5).</translation>
    </message>
    <message>
        <source>Sources of a separation model…</source>
        <translation>분리 모델의 음원…</translation>
    </message>
    <message>
        <source>Separation model</source>
        <translation>분리 모델</translation>
    </message>
    <message>
        <source>Separation model manifest (*.json)</source>
        <translation>분리 모델 매니페스트 (*.json)</translation>
    </message>
</context>
<context>
    <name>tastelab::FeaturesPage</name>
    <message>
        <source>%1 s left</source>
        <translation>%1초 남음</translation>
    </message>
    <message>
        <source>%1 min %2 s left</source>
        <translation>%1분 %2초 남음</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>특징</translation>
    </message>
    <message>
        <source>Encoder:</source>
        <translation>인코더:</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>자동(%1)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>장치:</translation>
    </message>
    <message>
        <source>No CUDA GPU is usable here (the LibTorch build has no CUDA, or no GPU is present): extraction runs on the CPU.</source>
        <translation>여기서는 CUDA GPU를 쓸 수 없습니다(LibTorch 빌드에 CUDA가 없거나 GPU가 없음). 추출은 CPU에서 실행됩니다.</translation>
    </message>
    <message>
        <source>A CUDA GPU is available and used by default.</source>
        <translation>CUDA GPU를 쓸 수 있으며 기본으로 사용합니다.</translation>
    </message>
    <message>
        <source>Besides the clips of the participants&apos; plans, this many excerpts of every track of the library are embedded, so the recommendation list can score tracks nobody has heard. 0 = only the plans&apos; clips.</source>
        <translation>참여자 계획의 클립 외에 라이브러리의 모든 트랙에서 이만큼의 발췌 구간을 임베딩하여, 아무도 듣지 않은 트랙도 추천 목록에서 점수를 매길 수 있게 합니다. 0 = 계획의 클립만.</translation>
    </message>
    <message>
        <source>Library excerpts per track (for recommendations):</source>
        <translation>트랙당 라이브러리 발췌 구간(추천용):</translation>
    </message>
    <message>
        <source>Extract missing embeddings</source>
        <translation>없는 임베딩 추출</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cached in this study:</source>
        <translation>이 연구에 캐시됨:</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>인코더</translation>
    </message>
    <message>
        <source>Clips</source>
        <translation>클립</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Model hash</source>
        <translation>모델 해시</translation>
    </message>
    <message>
        <source>Last run:</source>
        <translation>마지막 실행:</translation>
    </message>
    <message>
        <source>%1 (unusable)</source>
        <translation>%1(사용할 수 없음)</translation>
    </message>
    <message>
        <source>%1-d · %2 Hz · %3 channel(s) · window %4 · hop %5 · pooling %6
Licence: %7 · Source: %8%9</source>
        <translation>%1차원 · %2 Hz · 채널 %3개 · 창 %4 · 홉 %5 · 풀링 %6
라이선스: %7 · 출처: %8%9</translation>
    </message>
    <message>
        <source>
File: %1</source>
        <translation>
파일: %1</translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>사용할 수 없음: %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>No study is open. Open or create a study on the Study page first.</source>
        <translation>열린 연구가 없습니다. 먼저 연구 페이지에서 연구를 열거나 만드세요.</translation>
    </message>
    <message>
        <source>This study has no clips yet: clips come from the participants&apos; plans. Start a participant session (or import music and add participants) first.</source>
        <translation>이 연구에는 아직 클립이 없습니다. 클립은 참여자의 계획에서 나옵니다. 먼저 참여자 세션을 시작하세요(또는 음악을 가져오고 참여자를 추가하세요).</translation>
    </message>
    <message>
        <source>%1 distinct clips in this study&apos;s participant plans. Extraction does only what is missing for the chosen encoder.</source>
        <translation>이 연구의 참여자 계획에 서로 다른 클립이 %1개 있습니다. 추출은 고른 인코더에 대해 없는 것만 처리합니다.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>%1 clips/s · %2</source>
        <translation>초당 클립 %1개 · %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>tastelab::FinishPage</name>
    <message>
        <source>Thank you!</source>
        <translation>감사합니다!</translation>
    </message>
    <message>
        <source>Next participant</source>
        <translation>다음 참여자</translation>
    </message>
    <message>
        <source>Back to study overview</source>
        <translation>연구 개요로 돌아가기</translation>
    </message>
    <message>
        <source>Clips answered: %1. Your answers are saved.</source>
        <translation>응답한 클립: %1개. 응답이 저장되었습니다.</translation>
    </message>
    <message>
        <source>Clips you heard twice got the same answer %1 % of the time.</source>
        <translation>두 번 들은 클립에 같은 응답을 한 비율은 %1%입니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::ImportWizardPage</name>
    <message>
        <source>Importing the music</source>
        <translation>음악 가져오기</translation>
    </message>
    <message>
        <source>Each file is checked, measured and fingerprinted. This runs in the background.</source>
        <translation>파일마다 확인하고, 길이를 재고, 지문을 계산합니다. 백그라운드에서 실행됩니다.</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>가져오기 취소</translation>
    </message>
    <message>
        <source>The import report appears here when the import is done.</source>
        <translation>가져오기가 끝나면 여기에 가져오기 보고서가 나옵니다.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>보고서 복사</translation>
    </message>
    <message>
        <source>Cancelling after the current file…</source>
        <translation>현재 파일이 끝나면 취소합니다…</translation>
    </message>
    <message>
        <source>Looking for audio files…</source>
        <translation>오디오 파일을 찾는 중…</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 / %2: %3</translation>
    </message>
    <message>
        <source>The import could not run: %1</source>
        <translation>가져오기를 실행할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>가져오기가 취소되었습니다.</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>가져오기가 끝났습니다.</translation>
    </message>
    <message>
        <source>Added: %1 · duplicates skipped: %2 · files with problems: %3 · tracks in the study: %4</source>
        <translation>추가: %1 · 중복으로 건너뜀: %2 · 문제 있는 파일: %3 · 연구의 트랙: %4</translation>
    </message>
    <message>
        <source>Go back and choose another folder or manifest.</source>
        <translation>뒤로 가서 다른 폴더나 매니페스트를 고르세요.</translation>
    </message>
</context>
<context>
    <name>tastelab::InstructionsPage</name>
    <message>
        <source>Before you start</source>
        <translation>시작하기 전에</translation>
    </message>
    <message>
        <source>Start listening</source>
        <translation>듣기 시작</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
</context>
<context>
    <name>tastelab::InstructionsWizardPage</name>
    <message>
        <source>Instructions and questions</source>
        <translation>안내문과 질문</translation>
    </message>
    <message>
        <source>Ask for the participant&apos;s &amp;age</source>
        <translation>참여자의 나이 묻기(&amp;A)</translation>
    </message>
    <message>
        <source>One question per line, e.g.
Favourite genre
Years of music training</source>
        <translation>한 줄에 질문 하나씩, 예:
좋아하는 장르
음악 교육을 받은 햇수</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>안내문(&amp;I):</translation>
    </message>
    <message>
        <source>Questions asked once, before a new participant&apos;s first clip:</source>
        <translation>새 참여자의 첫 클립 전에 한 번 묻는 질문:</translation>
    </message>
    <message>
        <source>Other &amp;questions (free text):</source>
        <translation>기타 질문(&amp;Q) (자유 응답):</translation>
    </message>
    <message>
        <source>Shown to every participant before the first clip (consent has its own page).</source>
        <translation>모든 참여자에게 첫 클립 전에 보여 줍니다 (동의는 별도 페이지에서 받습니다).</translation>
    </message>
</context>
<context>
    <name>tastelab::ListenerPage</name>
    <message>
        <source>Learn my taste</source>
        <translation>내 취향 학습</translation>
    </message>
    <message>
        <source>Not for me  (D)</source>
        <translation>내 취향 아님  (D)</translation>
    </message>
    <message>
        <source>Replay  (R)</source>
        <translation>다시 듣기  (R)</translation>
    </message>
    <message>
        <source>Skip  (S)</source>
        <translation>건너뛰기  (S)</translation>
    </message>
    <message>
        <source>Leave this clip out for now: nothing is saved</source>
        <translation>이 클립은 일단 넘어갑니다. 아무것도 저장되지 않습니다</translation>
    </message>
    <message>
        <source>I like it  (L)</source>
        <translation>좋아요  (L)</translation>
    </message>
    <message>
        <source>%p % sure</source>
        <translation>확신도 %p%</translation>
    </message>
    <message>
        <source>Show my ranking</source>
        <translation>내 순위 목록 보기</translation>
    </message>
    <message>
        <source>Every track you have not rated, best first, scored by your model</source>
        <translation>평가하지 않은 모든 트랙을 내 모델이 매긴 점수가 높은 순으로 보여 줍니다</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>응답 수</translation>
    </message>
    <message>
        <source>model certainty</source>
        <translation>모델 확신도</translation>
    </message>
    <message>
        <source>Cannot play this clip: %1. Answer from memory or skip it.</source>
        <translation>이 클립을 재생할 수 없습니다: %1. 기억나는 대로 응답하거나 건너뛰세요.</translation>
    </message>
    <message>
        <source>Learn my taste: %1</source>
        <translation>내 취향 학습: %1</translation>
    </message>
    <message>
        <source>Listening to your library in the background: %1 of %2 clips (%3 clips/s)</source>
        <translation>백그라운드에서 라이브러리를 듣는 중: 클립 %2개 중 %1개 (초당 클립 %3개)</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s) of your library could not be read; see the Features page</source>
        <translation>
            <numerusform>라이브러리의 클립 %n개를 읽을 수 없습니다. 특징 페이지를 확인하세요</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Learning from your %n answer(s)…</source>
        <translation>
            <numerusform>응답 %n개로 학습하는 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>Every clip is rated</source>
        <translation>모든 클립을 평가했습니다</translation>
    </message>
    <message>
        <source>%1 · %2 · clip %3–%4</source>
        <translation>%1 · %2 · 클립 %3–%4</translation>
    </message>
    <message>
        <source>no genre</source>
        <translation>장르 없음</translation>
    </message>
    <message>
        <source>Getting to know you: a random clip (%1 of %2).</source>
        <translation>취향을 알아 가는 중: 무작위 클립(%2개 중 %1번째).</translation>
    </message>
    <message>
        <source>A random clip, so that what Tastelab learns stays unbiased.</source>
        <translation>Tastelab의 학습이 한쪽으로 치우치지 않도록 고른 무작위 클립입니다.</translation>
    </message>
    <message>
        <source>Your answer was not saved: %1</source>
        <translation>응답이 저장되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Open a listener library to rate it here: on the start page (File ▸ Learn My Taste), choose your music folder or the demo library.</source>
        <translation>여기서 평가하려면 청취자 라이브러리를 여세요. 시작 페이지(파일 ▸ 내 취향 학습)에서 음악 폴더나 데모 라이브러리를 고르세요.</translation>
    </message>
    <message>
        <source>Listen, then say whether you like it. Every answer is saved at once; Tastelab retrains every 10 answers in the background.</source>
        <translation>듣고 나서 마음에 드는지 알려 주세요. 모든 응답은 즉시 저장되며, Tastelab은 응답 10개마다 백그라운드에서 다시 학습합니다.</translation>
    </message>
    <message>
        <source>Rated %1 of %2 clips (%3 liked)</source>
        <translation>클립 %2개 중 %1개 평가함(좋아요 %3개)</translation>
    </message>
    <message>
        <source>%1 of %2 clips are ready for the model.</source>
        <translation>클립 %2개 중 %1개가 모델에 쓸 준비가 되었습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Warming up: %n more random clip(s) before Tastelab starts choosing.</source>
        <translation>
            <numerusform>준비 중: Tastelab이 고르기 시작하기까지 무작위 클립 %n개 남음.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tastelab starts choosing once your answers hold a like and a dislike with features.</source>
        <translation>응답에 특징이 추출된 좋아요와 싫어요가 하나씩 생기면 Tastelab이 클립을 고르기 시작합니다.</translation>
    </message>
    <message numerus="yes">
        <source>How sure Tastelab is about the clips you have not rated (learnt from %n answer(s)).</source>
        <translation>
            <numerusform>아직 평가하지 않은 클립에 대한 Tastelab의 확신도 (응답 %n개로 학습).</numerusform>
        </translation>
    </message>
    <message>
        <source>Your ranking model got %1 % of held-out answers right.</source>
        <translation>순위 모델은 따로 떼어 둔 응답의 %1 %를 맞혔습니다.</translation>
    </message>
    <message>
        <source>Chosen by Tastelab: of the clips left, this is one it is least sure about (%1 % like), so your answer teaches it the most.</source>
        <translation>Tastelab이 고른 클립: 남은 클립 중 가장 확신이 없는 것 중 하나입니다 (좋아요 %1 %). 이 응답에서 가장 많이 배웁니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::ListeningRulesEditor</name>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>or at least:</source>
        <translation>또는 최소:</translation>
    </message>
    <message>
        <source>Only when the clip has &amp;played to its end (full playback, whatever the time above)</source>
        <translation>클립이 끝까지 재생된 뒤에만(&amp;P) (위의 시간과 관계없이 전체 재생)</translation>
    </message>
    <message>
        <source>&amp;Unlimited</source>
        <translation>무제한(&amp;U)</translation>
    </message>
    <message>
        <source>no replays</source>
        <translation>다시 듣기 없음</translation>
    </message>
    <message>
        <source>or at most:</source>
        <translation>또는 최대:</translation>
    </message>
    <message>
        <source>An answer is &amp;required before going on (otherwise a Skip button is shown)</source>
        <translation>다음으로 넘어가려면 응답이 필요합니다(&amp;R) (아니면 건너뛰기 버튼이 보입니다)</translation>
    </message>
    <message>
        <source>Participants may go &amp;back to the previous clip and change its answer</source>
        <translation>참여자가 이전 클립으로 돌아가(&amp;B) 응답을 바꿀 수 있습니다</translation>
    </message>
    <message>
        <source>The answer buttons unlock after listening to:</source>
        <translation>응답 버튼이 켜지기 전에 들어야 하는 시간:</translation>
    </message>
    <message>
        <source>Replays of a clip:</source>
        <translation>클립 다시 듣기:</translation>
    </message>
    <message>
        <source>Replays, skipped clips and changed answers are recorded with each answer.</source>
        <translation>다시 듣기, 건너뛴 클립, 바뀐 응답은 응답마다 기록됩니다.</translation>
    </message>
    <message>
        <source>the &amp;whole clip (%1 s)</source>
        <translation>클립 전체(&amp;W) (%1초)</translation>
    </message>
</context>
<context>
    <name>tastelab::LoudnessQualityEditor</name>
    <message>
        <source>Integrated loudness (EBU R128)</source>
        <translation>통합 라우드니스 (EBU R128)</translation>
    </message>
    <message>
        <source>RMS level</source>
        <translation>RMS 레벨</translation>
    </message>
    <message>
        <source>None (files as they are)</source>
        <translation>없음 (파일 그대로)</translation>
    </message>
    <message>
        <source> LUFS</source>
        <translation> LUFS</translation>
    </message>
    <message>
        <source> dBFS</source>
        <translation> dBFS</translation>
    </message>
    <message>
        <source>target:</source>
        <translation>목표:</translation>
    </message>
    <message>
        <source>Catch clips (a known correct answer)</source>
        <translation>확인 클립 (정답이 정해진 클립)</translation>
    </message>
    <message>
        <source>&amp;Built-in spoken catch clips (&quot;press the lowest answer&quot;, &quot;press the highest answer&quot;)</source>
        <translation>내장 음성 확인 클립(&amp;B) (&quot;가장 낮은 응답을 누르세요&quot;, &quot;가장 높은 응답을 누르세요&quot;)</translation>
    </message>
    <message>
        <source>Spoken by espeak-ng; written into the folder &quot;catch&quot; next to the study file.</source>
        <translation>espeak-ng가 읽어 주며, 연구 파일 옆의 &quot;catch&quot; 폴더에 저장됩니다.</translation>
    </message>
    <message>
        <source>espeak-ng is not installed: a beep code is used instead (three short beeps = lowest answer, a rising tone = highest), explained in the instructions.</source>
        <translation>espeak-ng가 설치되어 있지 않습니다. 대신 신호음 코드를 씁니다 (짧은 삐 소리 세 번 = 가장 낮은 응답, 올라가는 음 = 가장 높은 응답). 안내문에 설명이 추가됩니다.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Expected answer</source>
        <translation>정답</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>지시 내용</translation>
    </message>
    <message>
        <source>&amp;Add File…</source>
        <translation>파일 추가(&amp;A)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>제거(&amp;V)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>모두</translation>
    </message>
    <message>
        <source>Per participant:</source>
        <translation>참여자당:</translation>
    </message>
    <message>
        <source>Quality flags and exclusion rules</source>
        <translation>품질 표시와 제외 규칙</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source> answers</source>
        <translation>개 응답</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Flag answers faster than:</source>
        <translation>이보다 빠른 응답 표시:</translation>
    </message>
    <message>
        <source>Flag runs of the same answer of:</source>
        <translation>같은 응답이 이만큼 이어지면 표시:</translation>
    </message>
    <message>
        <source>Exclude when kappa is below:</source>
        <translation>카파가 이보다 낮으면 제외:</translation>
    </message>
    <message>
        <source>… when more catch clips are wrong than:</source>
        <translation>… 틀린 확인 클립이 이보다 많으면:</translation>
    </message>
    <message>
        <source>… when fast answers are more than:</source>
        <translation>… 빠른 응답 비율이 이보다 높으면:</translation>
    </message>
    <message>
        <source>&amp;Loudness normalization:</source>
        <translation>라우드니스 정규화(&amp;L):</translation>
    </message>
    <message>
        <source>Catch clips</source>
        <translation>확인 클립</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.ogg *.mp3);;All files (*)</source>
        <translation>오디오 파일 (*.wav *.flac *.ogg *.mp3);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Expected answer: %1</source>
        <translation>정답 값: %1</translation>
    </message>
    <message>
        <source>Catch clip %1 needs an id.</source>
        <translation>확인 클립 %1에 ID가 필요합니다.</translation>
    </message>
    <message>
        <source>Catch clip &apos;%1&apos; needs a file.</source>
        <translation>확인 클립 &apos;%1&apos;에 파일이 필요합니다.</translation>
    </message>
    <message>
        <source>The catch clip file %1 does not exist.</source>
        <translation>확인 클립 파일 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Catch clip &apos;%1&apos;: the expected answer &apos;%2&apos; is not on the answer scale (%3 to %4).</source>
        <translation>확인 클립 &apos;%1&apos;: 정답 &apos;%2&apos;이(가) 응답 척도(%3~%4)에 없습니다.</translation>
    </message>
    <message>
        <source>%1 catch clips per participant, but the study has only %2.</source>
        <translation>참여자당 확인 클립이 %1개인데 연구에는 %2개뿐입니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::MainWindow</name>
    <message>
        <source>Study</source>
        <translation>연구</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>설문</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>특징</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>The study: its library, settings and participants</source>
        <translation>연구: 라이브러리, 설정, 참여자</translation>
    </message>
    <message>
        <source>Run participant sessions</source>
        <translation>참여자 세션 진행</translation>
    </message>
    <message>
        <source>Turn every clip into an embedding</source>
        <translation>모든 클립을 임베딩으로 변환</translation>
    </message>
    <message>
        <source>Train personal models</source>
        <translation>개인 모델 학습</translation>
    </message>
    <message>
        <source>Embedding maps, model performance and recommendations</source>
        <translation>임베딩 맵, 모델 성능, 추천</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Study…</source>
        <translation>새 연구(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Study…</source>
        <translation>연구 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 연구 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Demo Study</source>
        <translation>데모 연구 열기(&amp;D)</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>CSV로 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>JSON으로 내보내기(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Merge Study File…</source>
        <translation>연구 파일 병합(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Close Study</source>
        <translation>연구 닫기(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Survey</source>
        <translation>설문(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Start Participant Session</source>
        <translation>참여자 세션 시작(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;End Session</source>
        <translation>세션 끝내기(&amp;E)</translation>
    </message>
    <message>
        <source>Fea&amp;tures</source>
        <translation>특징(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Extract Embeddings…</source>
        <translation>임베딩 추출(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Train Personal Models…</source>
        <translation>개인 모델 학습(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Results…</source>
        <translation>결과(&amp;R)…</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>설정(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경설정(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Tastelab</source>
        <translation>Tastelab 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>%1 — Tastelab</source>
        <translation>%1 — Tastelab</translation>
    </message>
    <message>
        <source>Tastelab</source>
        <translation>Tastelab</translation>
    </message>
    <message>
        <source>Cannot open study</source>
        <translation>연구를 열 수 없습니다</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>%1을(를) 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1을(를) 만들었습니다</translation>
    </message>
    <message>
        <source>Preparing the demo study… The music is synthesized the first time only; this takes up to a minute.</source>
        <translation>데모 연구를 준비하는 중… 음악은 처음 한 번만 합성하며, 최대 1분 정도 걸립니다.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Demo study</source>
        <translation>데모 연구</translation>
    </message>
    <message>
        <source>Demo study cancelled</source>
        <translation>데모 연구가 취소되었습니다</translation>
    </message>
    <message>
        <source>The demo study could not be prepared: %1</source>
        <translation>데모 연구를 준비할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Start participant session</source>
        <translation>참여자 세션 시작</translation>
    </message>
    <message>
        <source>This study has no tracks yet.</source>
        <translation>이 연구에는 아직 트랙이 없습니다.</translation>
    </message>
    <message>
        <source>Survey started. Answers are saved after every clip.</source>
        <translation>설문을 시작했습니다. 응답은 클립마다 저장됩니다.</translation>
    </message>
    <message>
        <source>Open study</source>
        <translation>연구 열기</translation>
    </message>
    <message>
        <source>Tastelab studies (*.tastelab);;All files (*)</source>
        <translation>Tastelab 연구(*.tastelab);;모든 파일(*)</translation>
    </message>
    <message>
        <source>Export answers as JSON</source>
        <translation>응답을 JSON으로 내보내기</translation>
    </message>
    <message>
        <source>Export answers as CSV</source>
        <translation>응답을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 파일(*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일(*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>Merge study file</source>
        <translation>연구 파일 병합</translation>
    </message>
    <message>
        <source>Tastelab studies (*.tastelab)</source>
        <translation>Tastelab 연구(*.tastelab)</translation>
    </message>
    <message>
        <source>This is the open study itself. Choose the copy collected on another computer.</source>
        <translation>지금 열려 있는 연구 자체입니다. 다른 컴퓨터에서 모은 사본을 고르세요.</translation>
    </message>
    <message>
        <source>Merge failed</source>
        <translation>병합 실패</translation>
    </message>
    <message>
        <source>Merge finished</source>
        <translation>병합 완료</translation>
    </message>
    <message>
        <source>Locate music folder</source>
        <translation>음악 폴더 찾기</translation>
    </message>
    <message>
        <source>Music folder: %1</source>
        <translation>음악 폴더: %1</translation>
    </message>
    <message>
        <source>Audio output: %1</source>
        <translation>오디오 출력: %1</translation>
    </message>
    <message>
        <source>About Tastelab</source>
        <translation>Tastelab 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tastelab %1&lt;/h3&gt;&lt;p&gt;Learns one person&apos;s music taste: participants hear short, randomised clips and answer like/dislike or on a Likert scale (every answer is saved at once in the study file); personal models trained on their answers are compared on the Results page.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tastelab %1&lt;/h3&gt;&lt;p&gt;한 사람의 음악 취향을 학습합니다. 참여자는 무작위로 고른 짧은 클립을 듣고 좋아요/싫어요 또는 리커트 척도로 응답합니다(모든 응답은 즉시 연구 파일에 저장됩니다). 참여자의 응답으로 학습한 개인 모델은 결과 페이지에서 비교합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>&amp;Learn My Taste / Welcome…</source>
        <translation>내 취향 학습 / 시작 화면(&amp;L)…</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>평가</translation>
    </message>
    <message>
        <source>Rate clips of your library; Tastelab learns while you listen</source>
        <translation>라이브러리의 클립을 평가합니다. 듣는 동안 Tastelab이 학습합니다</translation>
    </message>
    <message>
        <source>Choose your music folder</source>
        <translation>음악 폴더 고르기</translation>
    </message>
    <message>
        <source>Demo library</source>
        <translation>데모 라이브러리</translation>
    </message>
    <message>
        <source>Learn my taste</source>
        <translation>내 취향 학습</translation>
    </message>
    <message>
        <source>Preparing the demo library… The music is synthesized the first time only; this takes up to a minute.</source>
        <translation>데모 라이브러리를 준비하는 중… 음악은 처음 한 번만 합성하며, 최대 1분 정도 걸립니다.</translation>
    </message>
    <message>
        <source>Reading your music folder %1…</source>
        <translation>음악 폴더 %1을(를) 읽는 중…</translation>
    </message>
    <message>
        <source>Cancelled: no library was made</source>
        <translation>취소됨: 라이브러리를 만들지 않았습니다</translation>
    </message>
    <message>
        <source>Your library could not be prepared: %1</source>
        <translation>라이브러리를 준비할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>&amp;Reload Study Definition</source>
        <translation>연구 정의 다시 불러오기(&amp;R)</translation>
    </message>
    <message>
        <source>The study file %1 is unchanged</source>
        <translation>연구 파일 %1이(가) 바뀌지 않았습니다</translation>
    </message>
    <message>
        <source>Study file not used</source>
        <translation>연구 파일을 사용하지 않음</translation>
    </message>
    <message>
        <source>%1

The version recorded in the study stays in force until the file is fixed.</source>
        <translation>%1

파일이 고쳐질 때까지 연구에 기록된 버전이 계속 적용됩니다.</translation>
    </message>
    <message>
        <source>Study file changed</source>
        <translation>연구 파일이 바뀜</translation>
    </message>
    <message>
        <source>The study file %1 changed after data collection began.

Use the new version for the participants and answers to come? Its fingerprint (SHA-256 %2…) is recorded with them; the data collected so far keeps the version it was collected under (%3…).</source>
        <translation>연구 파일 %1이(가) 데이터 수집이 시작된 뒤에 바뀌었습니다.

앞으로의 참여자와 응답에 새 버전을 사용할까요? 새 버전의 지문(SHA-256 %2…)이 함께 기록됩니다. 지금까지 모은 데이터는 수집 당시의 버전(%3…)을 유지합니다.</translation>
    </message>
    <message>
        <source>Use the new version</source>
        <translation>새 버전 사용</translation>
    </message>
    <message>
        <source>Keep the recorded version</source>
        <translation>기록된 버전 유지</translation>
    </message>
    <message>
        <source>Kept the recorded version of the study file</source>
        <translation>연구 파일의 기록된 버전을 유지했습니다</translation>
    </message>
    <message>
        <source>Study file %1 loaded (SHA-256 %2…)</source>
        <translation>연구 파일 %1을(를) 불러왔습니다(SHA-256 %2…)</translation>
    </message>
    <message>
        <source>Merge refused</source>
        <translation>병합 거부됨</translation>
    </message>
    <message>
        <source>Merge anyway (recorded)</source>
        <translation>그래도 병합(기록됨)</translation>
    </message>
    <message>
        <source>Study &amp;Options…</source>
        <translation>연구 옵션(&amp;O)…</translation>
    </message>
    <message>
        <source>Study options not saved</source>
        <translation>연구 옵션을 저장하지 못했습니다</translation>
    </message>
    <message>
        <source>The study options are unchanged</source>
        <translation>연구 옵션이 바뀌지 않았습니다</translation>
    </message>
    <message>
        <source>Study options saved</source>
        <translation>연구 옵션을 저장했습니다</translation>
    </message>
    <message>
        <source>Study options saved to %1 (SHA-256 %2…)</source>
        <translation>연구 옵션을 %1에 저장했습니다 (SHA-256 %2…)</translation>
    </message>
</context>
<context>
    <name>tastelab::ModelsPage</name>
    <message>
        <source>Personal models</source>
        <translation>개인 모델</translation>
    </message>
    <message>
        <source>Participant:</source>
        <translation>참여자:</translation>
    </message>
    <message>
        <source>Embeddings:</source>
        <translation>임베딩:</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>모델:</translation>
    </message>
    <message>
        <source>The split and the training are reproducible for a given seed.</source>
        <translation>같은 시드에서는 분할과 학습 결과가 재현됩니다.</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>에포크별 손실</translation>
    </message>
    <message>
        <source>training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>epoch (embedder, then classifier)</source>
        <translation>에포크(임베더, 그다음 분류기)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>재현율</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>AUROC</source>
        <translation>AUROC</translation>
    </message>
    <message>
        <source>FPR</source>
        <translation>FPR</translation>
    </message>
    <message>
        <source>TP</source>
        <translation>TP</translation>
    </message>
    <message>
        <source>TN</source>
        <translation>TN</translation>
    </message>
    <message>
        <source>FP</source>
        <translation>FP</translation>
    </message>
    <message>
        <source>FN</source>
        <translation>FN</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n answer(s))</source>
        <translation>
            <numerusform>%1 (응답 %n개)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n clip(s))</source>
        <translation>
            <numerusform>%1 (클립 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Trained %1</source>
        <translation>%1에 학습됨</translation>
    </message>
    <message>
        <source>No study is open. Open or create a study on the Study page first.</source>
        <translation>열린 연구가 없습니다. 먼저 연구 페이지에서 연구를 열거나 만드세요.</translation>
    </message>
    <message>
        <source>No participant has answered yet. Run a participant session first.</source>
        <translation>아직 응답한 참여자가 없습니다. 먼저 참여자 세션을 진행하세요.</translation>
    </message>
    <message>
        <source>No embeddings yet: extract them on the Features page, then train here.</source>
        <translation>아직 임베딩이 없습니다. 특징 페이지에서 추출한 뒤 여기서 학습하세요.</translation>
    </message>
    <message>
        <source>Trains on the participant&apos;s answered clips with the chosen embeddings: a seeded, stratified 3:1 split; the CLEP variants and the baselines share it.</source>
        <translation>고른 임베딩으로 참여자가 응답한 클립을 학습합니다. 시드를 정한 층화 3:1 분할을 쓰며, CLEP 변형과 기준 모델이 같은 분할을 공유합니다.</translation>
    </message>
    <message>
        <source>Training %1 for %2…</source>
        <translation>%2의 %1 학습 중…</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>Loss per epoch: %1</source>
        <translation>에포크별 손실: %1</translation>
    </message>
    <message>
        <source>%1: %2 epoch %3 / %4 · loss %5 · validation %6</source>
        <translation>%1: %2 에포크 %3 / %4 · 손실 %5 · 검증 %6</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>tastelab::NameWizardPage</name>
    <message>
        <source>Name the study</source>
        <translation>연구 이름 정하기</translation>
    </message>
    <message>
        <source>A study is a single file that holds its music list, its settings, the participants and every answer.</source>
        <translation>연구는 음악 목록, 설정, 참여자, 모든 응답을 담은 하나의 파일입니다.</translation>
    </message>
    <message>
        <source>e.g. Music taste 2024, lab A</source>
        <translation>예: 음악 취향 2024, A 실험실</translation>
    </message>
    <message>
        <source>Where to save the study (*.tastelab)</source>
        <translation>연구를 저장할 위치(*.tastelab)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Study &amp;name:</source>
        <translation>연구 이름(&amp;N):</translation>
    </message>
    <message>
        <source>Study file:</source>
        <translation>연구 파일:</translation>
    </message>
    <message>
        <source>The file is created when you press Next, so that the music can be imported into it. Keep it with the music folder if you move the study to another computer.</source>
        <translation>다음을 누르면 파일이 만들어지고, 음악을 그 안으로 가져올 수 있습니다. 연구를 다른 컴퓨터로 옮길 때는 음악 폴더와 함께 두세요.</translation>
    </message>
    <message>
        <source>Save study as</source>
        <translation>연구를 다른 이름으로 저장</translation>
    </message>
    <message>
        <source>Tastelab studies (*.tastelab)</source>
        <translation>Tastelab 연구(*.tastelab)</translation>
    </message>
    <message>
        <source>The study file has been created; you can still change the name.</source>
        <translation>연구 파일이 만들어졌습니다. 이름은 아직 바꿀 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::NewStudyWizard</name>
    <message>
        <source>New study</source>
        <translation>새 연구</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another file name, or open the existing study with File &gt; Open.</source>
        <translation>%1이(가) 이미 있습니다. 다른 파일 이름을 고르거나, 파일 &gt; 열기로 기존 연구를 여세요.</translation>
    </message>
    <message>
        <source>The study file has not been created.</source>
        <translation>연구 파일이 만들어지지 않았습니다.</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>설계</translation>
    </message>
    <message>
        <source>Blocks of clips, their order, which part of the library clips are drawn from, and balanced assignment across participants.</source>
        <translation>클립 블록과 순서, 클립을 뽑을 라이브러리 범위, 참여자 사이의 균형 배정.</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>페이지</translation>
    </message>
    <message>
        <source>Pages besides the clips: consent, volume calibration, practice clips, questionnaires and the finish page.</source>
        <translation>클립 외의 페이지: 동의, 음량 보정, 연습 클립, 설문, 마침 페이지.</translation>
    </message>
    <message>
        <source>Listening rules</source>
        <translation>듣기 규칙</translation>
    </message>
    <message>
        <source>How long participants listen before answering, replays, and whether they can skip or go back.</source>
        <translation>응답 전에 들어야 하는 시간, 다시 듣기, 건너뛰기와 뒤로 가기 허용 여부.</translation>
    </message>
    <message>
        <source>Loudness &amp; quality</source>
        <translation>라우드니스와 품질</translation>
    </message>
    <message>
        <source>Loudness normalization, catch clips with a known answer, and the data-quality flags and exclusion rules.</source>
        <translation>라우드니스 정규화, 정답이 정해진 확인 클립, 데이터 품질 표시와 제외 규칙.</translation>
    </message>
</context>
<context>
    <name>tastelab::PagesEditor</name>
    <message>
        <source>A &amp;consent page the participant must accept:</source>
        <translation>참여자가 동의해야 하는 동의 페이지(&amp;C):</translation>
    </message>
    <message>
        <source>What the study is about, what is recorded, that taking part is voluntary…</source>
        <translation>연구 내용, 기록되는 내용, 참여가 자발적이라는 점…</translation>
    </message>
    <message>
        <source>No calibration page</source>
        <translation>보정 페이지 없음</translation>
    </message>
    <message>
        <source>Reference tone (1 kHz)</source>
        <translation>기준음 (1 kHz)</translation>
    </message>
    <message>
        <source>Music excerpt</source>
        <translation>음악 발췌</translation>
    </message>
    <message>
        <source> LUFS</source>
        <translation> LUFS</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>empty = a track of the library</source>
        <translation>비워 두면 = 라이브러리의 트랙</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>level:</source>
        <translation>레벨:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Ca&amp;libration:</source>
        <translation>보정(&amp;L):</translation>
    </message>
    <message>
        <source>Excerpt file:</source>
        <translation>발췌 파일:</translation>
    </message>
    <message>
        <source>&amp;Practice clips:</source>
        <translation>연습 클립(&amp;P):</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>설문</translation>
    </message>
    <message>
        <source>Questionnaire / question</source>
        <translation>설문 / 질문</translation>
    </message>
    <message>
        <source>Shown / type</source>
        <translation>표시 위치 / 유형</translation>
    </message>
    <message>
        <source>Add &amp;Questionnaire</source>
        <translation>설문 추가(&amp;Q)</translation>
    </message>
    <message>
        <source>Add Q&amp;uestion</source>
        <translation>질문 추가(&amp;U)</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>제거(&amp;V)</translation>
    </message>
    <message>
        <source>Add a questionnaire to ask questions before the first clip, between blocks or at the end.</source>
        <translation>첫 클립 전, 블록 사이, 또는 마지막에 질문하려면 설문을 추가하세요.</translation>
    </message>
    <message>
        <source>before the first clip</source>
        <translation>첫 클립 전</translation>
    </message>
    <message>
        <source>between blocks</source>
        <translation>블록 사이</translation>
    </message>
    <message>
        <source>at the end</source>
        <translation>마지막</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>제목:</translation>
    </message>
    <message>
        <source>Shown:</source>
        <translation>표시 위치:</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>자유 응답</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>단일 선택</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>복수 선택</translation>
    </message>
    <message>
        <source>Likert scale</source>
        <translation>리커트 척도</translation>
    </message>
    <message>
        <source> points</source>
        <translation>점</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>필수</translation>
    </message>
    <message>
        <source>Choices (Likert: anchors), separated by |</source>
        <translation>선택지 (리커트: 양 끝 라벨), | 로 구분</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>질문:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>유형:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>선택지:</translation>
    </message>
    <message>
        <source>&amp;Finish page text (empty = the default thank-you):</source>
        <translation>마침 페이지 문구(&amp;F) (비워 두면 기본 감사 문구):</translation>
    </message>
    <message>
        <source>Calibration excerpt</source>
        <translation>보정용 발췌</translation>
    </message>
    <message>
        <source>Audio files (*.wav *.flac *.ogg *.mp3);;All files (*)</source>
        <translation>오디오 파일 (*.wav *.flac *.ogg *.mp3);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Enter the consent text, or switch the consent page off.</source>
        <translation>동의 문구를 입력하거나 동의 페이지를 끄세요.</translation>
    </message>
    <message>
        <source>The calibration excerpt %1 does not exist.</source>
        <translation>보정용 발췌 파일 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Questionnaire %1</source>
        <translation>설문 %1</translation>
    </message>
</context>
<context>
    <name>tastelab::ParticipantCodePage</name>
    <message>
        <source>Welcome</source>
        <translation>환영합니다</translation>
    </message>
    <message>
        <source>Please enter your participant code:</source>
        <translation>참여자 코드를 입력해 주세요:</translation>
    </message>
    <message>
        <source>e.g. P017</source>
        <translation>예: P017</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Audio settings…</source>
        <translation>오디오 설정…</translation>
    </message>
    <message>
        <source>Back to study overview</source>
        <translation>연구 개요로 돌아가기</translation>
    </message>
</context>
<context>
    <name>tastelab::PerformanceView</name>
    <message>
        <source>n/a</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <source>Train a model…</source>
        <translation>모델 학습…</translation>
    </message>
    <message>
        <source>Opens the Models page with this participant and these embeddings.</source>
        <translation>이 참여자와 이 임베딩으로 모델 페이지를 엽니다.</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>지표:</translation>
    </message>
    <message>
        <source>Models across participants</source>
        <translation>참여자 전체의 모델 비교</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>표:</translation>
    </message>
    <message>
        <source>Medians per model (Q1–Q3)</source>
        <translation>모델별 중앙값(Q1–Q3)</translation>
    </message>
    <message>
        <source>Friedman tests (CLEP variants)</source>
        <translation>프리드먼 검정(CLEP 변형)</translation>
    </message>
    <message>
        <source>Post-hoc Wilcoxon tests (Holm)</source>
        <translation>사후 윌콕슨 검정(Holm)</translation>
    </message>
    <message>
        <source>Confusion counts per participant</source>
        <translation>참여자별 혼동 행렬 값</translation>
    </message>
    <message>
        <source>Metrics per participant</source>
        <translation>참여자별 지표</translation>
    </message>
    <message>
        <source>Save table as CSV…</source>
        <translation>표를 CSV로 저장…</translation>
    </message>
    <message>
        <source>Markdown…</source>
        <translation>Markdown…</translation>
    </message>
    <message>
        <source>Saves the whole report (every table) as Markdown.</source>
        <translation>전체 보고서(모든 표)를 Markdown으로 저장합니다.</translation>
    </message>
    <message>
        <source>HTML…</source>
        <translation>HTML…</translation>
    </message>
    <message>
        <source>Saves the whole report (every table) as one HTML page.</source>
        <translation>전체 보고서(모든 표)를 HTML 페이지 하나로 저장합니다.</translation>
    </message>
    <message>
        <source>Export all to folder…</source>
        <translation>모두 폴더로 내보내기…</translation>
    </message>
    <message>
        <source>Writes results.csv, medians.csv, friedman.csv, posthoc.csv, confusion.csv, report.md and report.html into a folder.</source>
        <translation>results.csv, medians.csv, friedman.csv, posthoc.csv, confusion.csv, report.md, report.html을 한 폴더에 씁니다.</translation>
    </message>
    <message>
        <source>Study statistics</source>
        <translation>연구 통계</translation>
    </message>
    <message>
        <source>No study is open.</source>
        <translation>열린 연구가 없습니다.</translation>
    </message>
    <message>
        <source>No participant has answered yet: run a participant session on the Survey page.</source>
        <translation>아직 응답한 참여자가 없습니다. 설문 페이지에서 참여자 세션을 진행하세요.</translation>
    </message>
    <message>
        <source>No embeddings yet: extract them on the Features page.</source>
        <translation>아직 임베딩이 없습니다. 특징 페이지에서 추출하세요.</translation>
    </message>
    <message>
        <source>No model trained yet for %1 with %2: train one on the Models page.</source>
        <translation>%2(으)로 학습한 %1의 모델이 아직 없습니다. 모델 페이지에서 학습하세요.</translation>
    </message>
    <message>
        <source>The model cannot be tested: %1</source>
        <translation>모델을 테스트할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>liked</source>
        <translation>좋아요</translation>
    </message>
    <message>
        <source>disliked</source>
        <translation>싫어요</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>실제</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>우연 수준</translation>
    </message>
    <message>
        <source>%1 (AUROC %2)</source>
        <translation>%1 (AUROC %2)</translation>
    </message>
    <message>
        <source>threshold 0.5</source>
        <translation>임계값 0.5</translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>위양성률</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>진양성률</translation>
    </message>
    <message>
        <source>No ROC curve: the test part has one class only.</source>
        <translation>ROC 곡선 없음: 테스트 세트에 한 클래스만 있습니다.</translation>
    </message>
    <message>
        <source>%1 for %2 · %3 · trained %4 · model #%5</source>
        <translation>%2의 %1 · %3 · %4에 학습 · 모델 #%5</translation>
    </message>
    <message numerus="yes">
        <source>Test part: %n clip(s) (%1 liked, %2 disliked); threshold 0.5.</source>
        <translation>
            <numerusform>테스트 세트: 클립 %n개(좋아요 %1개, 싫어요 %2개), 임계값 0.5.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the embeddings.</source>
        <translation>임베딩을 고르세요.</translation>
    </message>
    <message>
        <source>No stored models for %1 yet: train models on the Models page to compare them here.</source>
        <translation>%1에 저장된 모델이 아직 없습니다. 모델 페이지에서 모델을 학습하면 여기서 비교할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 (n=%2)</source>
        <translation>%1 (n=%2)</translation>
    </message>
    <message>
        <source>%1 of 1 participant · %2</source>
        <translation>참여자 1명의 %1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 across %n participant(s) · %2</source>
        <translation>
            <numerusform>참여자 %n명의 %1 · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Newest stored model of each kind per participant, on its own test part. Box: quartiles; line: median; whiskers: min–max. n: participants with that model.</source>
        <translation>참여자마다 종류별로 가장 최근에 저장된 모델을 그 모델의 테스트 세트로 평가합니다. 상자: 사분위수, 선: 중앙값, 수염: 최솟값–최댓값. n: 그 모델이 있는 참여자 수.</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>인코더</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>참여자</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>χ²</source>
        <translation>χ²</translation>
    </message>
    <message>
        <source>df</source>
        <translation>자유도</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>쌍</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <source>Median difference</source>
        <translation>중앙값 차이</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 대 %2</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>정확 검정</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>참여자</translation>
    </message>
    <message>
        <source>TP</source>
        <translation>TP</translation>
    </message>
    <message>
        <source>TN</source>
        <translation>TN</translation>
    </message>
    <message>
        <source>FP</source>
        <translation>FP</translation>
    </message>
    <message>
        <source>FN</source>
        <translation>FN</translation>
    </message>
    <message>
        <source>No stored models for %1 yet.</source>
        <translation>%1에 저장된 모델이 아직 없습니다.</translation>
    </message>
    <message>
        <source>Tests over the participants with all three CLEP variants stored for %1 (they need at least two). For repeated splits and every participant at once, use tastelab-cli evaluate.</source>
        <translation>%1에 대해 세 가지 CLEP 변형이 모두 저장된 참여자를 대상으로 한 검정입니다(적어도 2명 필요). 반복 분할과 전체 참여자를 한 번에 평가하려면 tastelab-cli evaluate를 사용하세요.</translation>
    </message>
    <message>
        <source>From the newest stored model of each kind of the one participant with models.</source>
        <translation>모델이 있는 유일한 참여자의, 종류별로 가장 최근에 저장된 모델 기준입니다.</translation>
    </message>
    <message numerus="yes">
        <source>From the newest stored model of each kind per participant (%n participant(s)).</source>
        <translation>
            <numerusform>참여자마다 종류별로 가장 최근에 저장된 모델 기준입니다(참여자 %n명).</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no stored results to export.</source>
        <translation>내보낼 저장된 결과가 없습니다.</translation>
    </message>
    <message>
        <source>Tastelab study report: %1 (%2)</source>
        <translation>Tastelab 연구 보고서: %1 (%2)</translation>
    </message>
    <message>
        <source>study</source>
        <translation>연구</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation>보고서를 %1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Export the study report into a folder</source>
        <translation>연구 보고서를 폴더로 내보내기</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>보고서를 %1에 썼습니다</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일(*.csv)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 파일(*.md)</translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation>HTML 페이지(*.html)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>보고서 저장</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1을(를) 저장했습니다</translation>
    </message>
</context>
<context>
    <name>tastelab::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Folder with encoder models</source>
        <translation>인코더 모델이 있는 폴더</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>Audio &amp;output:</source>
        <translation>오디오 출력(&amp;O):</translation>
    </message>
    <message>
        <source>Volume:</source>
        <translation>음량:</translation>
    </message>
    <message>
        <source>&amp;Models folder:</source>
        <translation>모델 폴더(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>Clips are loudness-normalised, so every clip plays at about the same level. Set the volume once, before the first participant.</source>
        <translation>클립은 라우드니스가 정규화되어 있어 모든 클립이 거의 같은 크기로 재생됩니다. 첫 참여자를 받기 전에 음량을 한 번 맞춰 두세요.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Tastelab will use the new language the next time it starts.</source>
        <translation>새 언어는 Tastelab을 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>시스템 기본값(%1)</translation>
    </message>
    <message>
        <source>Learn my taste: after the first 20 clips, this share is still drawn at random so that what Tastelab learns stays unbiased; the rest are the clips it is least sure about. Applies when a library is next opened.</source>
        <translation>내 취향 학습: 처음 20개 클립 이후에도 이 비율만큼은 무작위로 골라 Tastelab이 치우치지 않게 배웁니다. 나머지는 가장 확신이 없는 클립입니다. 라이브러리를 다음에 열 때 적용됩니다.</translation>
    </message>
    <message>
        <source>&amp;Random clips when learning my taste:</source>
        <translation>내 취향 학습의 무작위 클립 비율(&amp;R):</translation>
    </message>
</context>
<context>
    <name>tastelab::QuestionnairePage</name>
    <message>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Stop for now</source>
        <translation>여기서 멈추기</translation>
    </message>
    <message>
        <source>Answers so far are saved; the participant can resume with the same code.</source>
        <translation>지금까지의 응답은 저장됩니다. 같은 코드로 이어서 할 수 있습니다.</translation>
    </message>
    <message>
        <source>A few questions</source>
        <translation>몇 가지 질문</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>tastelab::RecommendationsView</name>
    <message>
        <source>Liked</source>
        <translation>좋아요</translation>
    </message>
    <message>
        <source>Not for me</source>
        <translation>내 취향 아님</translation>
    </message>
    <message>
        <source>Like probability %1, the mean over %2 of %3 excerpts of the track</source>
        <translation>좋아요 확률 %1, 트랙의 발췌 구간 %3개 중 %2개에 대한 평균</translation>
    </message>
    <message>
        <source>No dislike risk for this track</source>
        <translation>이 트랙에는 싫어요 위험도가 없습니다</translation>
    </message>
    <message>
        <source>CLEP-N rates a dislike at %1 (1 − its mean like probability)</source>
        <translation>CLEP-N이 매긴 싫어요 위험도 %1 (1 − 좋아요 확률 평균)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>아티스트</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>장르</translation>
    </message>
    <message>
        <source>Like score</source>
        <translation>좋아요 점수</translation>
    </message>
    <message>
        <source>Dislike risk</source>
        <translation>싫어요 위험도</translation>
    </message>
    <message>
        <source>Your feedback</source>
        <translation>내 피드백</translation>
    </message>
    <message>
        <source>Place in the current ordering</source>
        <translation>현재 정렬 순서</translation>
    </message>
    <message>
        <source>The model&apos;s like probability, averaged over %1 excerpts spread over the track</source>
        <translation>트랙 전체에 고르게 퍼진 발췌 구간 %1개에 대한 모델의 좋아요 확률 평균</translation>
    </message>
    <message>
        <source>1 − CLEP-N&apos;s like probability: CLEP-N learns above all what you dislike</source>
        <translation>1 − CLEP-N의 좋아요 확률: CLEP-N은 무엇보다 싫어하는 것을 학습합니다</translation>
    </message>
    <message>
        <source>Train CLEP-N on the Models page to see the dislike risk</source>
        <translation>싫어요 위험도를 보려면 모델 페이지에서 CLEP-N을 학습하세요</translation>
    </message>
    <message>
        <source>Saved as an answer; retraining the model learns from it</source>
        <translation>응답으로 저장됩니다. 모델을 다시 학습하면 이를 반영합니다</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>좋아요</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>정렬:</translation>
    </message>
    <message>
        <source>Most likely to like</source>
        <translation>좋아할 가능성 높은 순</translation>
    </message>
    <message>
        <source>Highest like probability first</source>
        <translation>좋아요 확률이 높은 것부터</translation>
    </message>
    <message>
        <source>Lowest risk of dislike (CLEP-N)</source>
        <translation>싫어요 위험도 낮은 순(CLEP-N)</translation>
    </message>
    <message>
        <source>Genre:</source>
        <translation>장르:</translation>
    </message>
    <message>
        <source>Like score at least:</source>
        <translation>최소 좋아요 점수:</translation>
    </message>
    <message>
        <source>Search title or artist</source>
        <translation>제목이나 아티스트 검색</translation>
    </message>
    <message>
        <source>Export M3U…</source>
        <translation>M3U 내보내기…</translation>
    </message>
    <message>
        <source>Save the tracks shown as a playlist, in this order</source>
        <translation>보이는 트랙을 이 순서대로 재생 목록으로 저장합니다</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Save the tracks shown with their scores as CSV</source>
        <translation>보이는 트랙을 점수와 함께 CSV로 저장합니다</translation>
    </message>
    <message>
        <source>No study is open. Open or create a study on the Study page first.</source>
        <translation>열린 연구가 없습니다. 먼저 연구 페이지에서 연구를 열거나 만드세요.</translation>
    </message>
    <message>
        <source>Choose a participant to see the tracks they have not heard yet, ranked by their model.</source>
        <translation>참여자를 고르면 그 참여자가 아직 듣지 않은 트랙을 모델 점수 순으로 보여 줍니다.</translation>
    </message>
    <message>
        <source>There is no participant %1 in this study.</source>
        <translation>이 연구에 참여자 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Model %1 of %2 is no longer in the study: choose another or train one on the Models page.</source>
        <translation>%2의 모델 %1이(가) 더 이상 연구에 없습니다. 다른 모델을 고르거나 모델 페이지에서 학습하세요.</translation>
    </message>
    <message>
        <source>No model trained yet for %1: train one on the Models page, then come back for their recommendations.</source>
        <translation>%1의 학습된 모델이 아직 없습니다. 모델 페이지에서 학습한 뒤 추천을 보러 오세요.</translation>
    </message>
    <message>
        <source>No model trained on %1 embeddings yet for %2: train one on the Models page, then come back for their recommendations.</source>
        <translation>%2의 %1 임베딩으로 학습된 모델이 아직 없습니다. 모델 페이지에서 학습한 뒤 추천을 보러 오세요.</translation>
    </message>
    <message>
        <source>Scoring the tracks %1 has not heard with %2…</source>
        <translation>%1이(가) 듣지 않은 트랙을 %2(으)로 평가하는 중…</translation>
    </message>
    <message>
        <source>Scoring the tracks %1 has not heard…</source>
        <translation>%1이(가) 듣지 않은 트랙을 평가하는 중…</translation>
    </message>
    <message>
        <source>The recommendations could not be made: %1</source>
        <translation>추천을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 has heard every track of the library: nothing is left to recommend. Import more music on the Study page to get recommendations.</source>
        <translation>%1은(는) 라이브러리의 모든 트랙을 들었습니다. 추천할 트랙이 남아 있지 않습니다. 추천을 받으려면 연구 페이지에서 음악을 더 가져오세요.</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n track(s) %1 has not heard has %2 embeddings yet: extract library excerpts on the Features page, then come back.</source>
        <translation>
            <numerusform>%1이(가) 듣지 않은 트랙 %n개 중 %2 임베딩이 있는 트랙이 아직 없습니다. 특징 페이지에서 라이브러리 발췌 구간을 추출한 뒤 다시 오세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>All genres</source>
        <translation>모든 장르</translation>
    </message>
    <message>
        <source>(no genre)</source>
        <translation>(장르 없음)</translation>
    </message>
    <message numerus="yes">
        <source>%n track(s) not heard yet</source>
        <translation>
            <numerusform>아직 듣지 않은 트랙 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n track(s) not heard yet</source>
        <translation>
            <numerusform>아직 듣지 않은 트랙 %n개 중 %1개 표시</numerusform>
        </translation>
    </message>
    <message>
        <source> · feedback: %1 liked, %2 not for me</source>
        <translation> · 피드백: 좋아요 %1개, 내 취향 아님 %2개</translation>
    </message>
    <message>
        <source> · keys on the list: Space plays or stops, L like, D not for me</source>
        <translation> · 목록 단축키: Space 재생/정지, L 좋아요, D 내 취향 아님</translation>
    </message>
    <message>
        <source>No track matches the filters: choose another genre, lower the minimum like score or clear the search.</source>
        <translation>필터에 맞는 트랙이 없습니다. 다른 장르를 고르거나, 최소 좋아요 점수를 낮추거나, 검색어를 지우세요.</translation>
    </message>
    <message>
        <source>1 new answer from your feedback since this model was trained.</source>
        <translation>이 모델을 학습한 뒤 피드백으로 새 응답이 1개 생겼습니다.</translation>
    </message>
    <message>
        <source>%1 new answers from your feedback since this model was trained.</source>
        <translation>이 모델을 학습한 뒤 피드백으로 새 응답이 %1개 생겼습니다.</translation>
    </message>
    <message>
        <source>Train %1&apos;s models again on %2 embeddings with these answers</source>
        <translation>이 응답들을 포함해 %2 임베딩으로 %1의 모델을 다시 학습합니다</translation>
    </message>
    <message>
        <source>Lowest dislike risk first, as CLEP-N sees it: CLEP-N is trained above all on what %1 dislikes, so these are the safest picks</source>
        <translation>CLEP-N이 보는 싫어요 위험도가 낮은 것부터: CLEP-N은 무엇보다 %1이(가) 싫어하는 것을 학습하므로, 가장 안전한 선택입니다</translation>
    </message>
    <message>
        <source>Needs a CLEP-N model: train CLEP-N for %1 on the Models page</source>
        <translation>CLEP-N 모델이 필요합니다. 모델 페이지에서 %1의 CLEP-N을 학습하세요</translation>
    </message>
    <message>
        <source>Scored by %1&apos;s %2 model on %3 embeddings, trained %4.</source>
        <translation>%1의 %2 모델(%3 임베딩, %4에 학습)이 매긴 점수입니다.</translation>
    </message>
    <message>
        <source>Like score: the mean like probability over %1 excerpts of %2 s spread over each track.</source>
        <translation>좋아요 점수: 각 트랙에 고르게 퍼진 %2초 발췌 구간 %1개에 대한 좋아요 확률 평균.</translation>
    </message>
    <message>
        <source>Dislike risk: 1 − the like probability of their CLEP-N model.</source>
        <translation>싫어요 위험도: 1 − 참여자 CLEP-N 모델의 좋아요 확률.</translation>
    </message>
    <message>
        <source>Train CLEP-N on the Models page to order by the lowest risk of dislike.</source>
        <translation>싫어요 위험도가 낮은 순으로 정렬하려면 모델 페이지에서 CLEP-N을 학습하세요.</translation>
    </message>
    <message>
        <source>The music file of “%1” cannot be found (%2).</source>
        <translation>“%1”의 음악 파일을 찾을 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>No such row.</source>
        <translation>해당 행이 없습니다.</translation>
    </message>
    <message>
        <source>The feedback could not be saved: %1</source>
        <translation>피드백을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Saved: you like “%1”.</source>
        <translation>저장됨: “%1”을(를) 좋아합니다.</translation>
    </message>
    <message>
        <source>Saved: “%1” is not for you.</source>
        <translation>저장됨: “%1”은(는) 내 취향이 아닙니다.</translation>
    </message>
    <message>
        <source>There is nothing to export.</source>
        <translation>내보낼 것이 없습니다.</translation>
    </message>
    <message>
        <source>Export playlist</source>
        <translation>재생 목록 내보내기</translation>
    </message>
    <message>
        <source>Export recommendations</source>
        <translation>추천 내보내기</translation>
    </message>
    <message>
        <source>M3U playlists (*.m3u *.m3u8)</source>
        <translation>M3U 재생 목록(*.m3u *.m3u8)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일(*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n track(s) to %1</source>
        <translation>
            <numerusform>트랙 %n개를 %1(으)로 내보냈습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong about this track? “Like”: you like it; “Not for me”: you do not. Saved as an answer, and the model learns from it (retrained in the background).</source>
        <translation>이 트랙에 대한 예측이 틀렸나요? “좋아요”는 좋아한다는 뜻, “내 취향 아님”은 좋아하지 않는다는 뜻입니다. 응답으로 저장되며 모델이 이를 학습합니다(백그라운드에서 재학습).</translation>
    </message>
    <message>
        <source>New in the list since the retraining: #%1 with %2</source>
        <translation>재학습 후 목록에 새로 들어옴: #%1 (%2)</translation>
    </message>
    <message>
        <source>Before the retraining #%1 with %2, now #%3 with %4%5</source>
        <translation>재학습 전 #%1 (%2), 지금 #%3 (%4)%5</translation>
    </message>
    <message>
        <source> (you rated it: not counted in the summary)</source>
        <translation> (평가한 트랙: 요약에서 제외)</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>변동</translation>
    </message>
    <message>
        <source>Places moved at the last retraining (▲ up, ▼ down) and the change of the like score. Click to sort by it; click again to reverse, a third time to go back to the ordering.</source>
        <translation>마지막 재학습에서 바뀐 순위(▲ 오름, ▼ 내림)와 좋아요 점수의 변화입니다. 클릭하면 이 기준으로 정렬하고, 다시 클릭하면 순서를 뒤집으며, 세 번째로 클릭하면 원래 정렬로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Retrain after feedback</source>
        <translation>피드백 후 재학습</translation>
    </message>
    <message>
        <source>A moment after your last “Like” or “Not for me”, train the list&apos;s model again on your answers in the background and show what moved</source>
        <translation>마지막 “좋아요” 또는 “내 취향 아님” 후 잠시 뒤, 목록의 모델을 내 응답으로 백그라운드에서 다시 학습하고 무엇이 바뀌었는지 보여 줍니다</translation>
    </message>
    <message>
        <source>Retrain now</source>
        <translation>지금 재학습</translation>
    </message>
    <message>
        <source>Models page…</source>
        <translation>모델 페이지…</translation>
    </message>
    <message>
        <source>Train with other models or settings on the Models page</source>
        <translation>모델 페이지에서 다른 모델이나 설정으로 학습합니다</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop the retraining; your feedback stays saved</source>
        <translation>재학습을 중단합니다. 피드백은 그대로 저장되어 있습니다</translation>
    </message>
    <message>
        <source>Retrained %1 on %2 answers (1 new)</source>
        <translation>%1을(를) 응답 %2개(새 응답 1개)로 재학습했습니다</translation>
    </message>
    <message>
        <source>Retrained %1 on %2 answers (%3 new)</source>
        <translation>%1을(를) 응답 %2개(새 응답 %3개)로 재학습했습니다</translation>
    </message>
    <message>
        <source>Retrained: the list is scored with the new model.</source>
        <translation>재학습 완료: 목록을 새 모델로 평가했습니다.</translation>
    </message>
    <message>
        <source>Cannot retrain: %1</source>
        <translation>재학습할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Retraining %1&apos;s %2 on your feedback: %3, epoch %4 of %5. The list stays usable.</source>
        <translation>피드백으로 %1의 %2 재학습 중: %3, 에포크 %4 / %5. 그동안에도 목록을 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Retraining cancelled; your feedback is saved.</source>
        <translation>재학습이 취소되었습니다. 피드백은 저장되어 있습니다.</translation>
    </message>
    <message>
        <source>Retraining failed: %1</source>
        <translation>재학습 실패: %1</translation>
    </message>
    <message>
        <source>Retrained on %1 answers; scoring the list with the new model…</source>
        <translation>응답 %1개로 재학습했습니다. 새 모델로 목록을 평가하는 중…</translation>
    </message>
    <message>
        <source>Cancelling the retraining…</source>
        <translation>재학습을 취소하는 중…</translation>
    </message>
    <message>
        <source>Retraining %1&apos;s model on your feedback in a moment (more answers are gathered first)…</source>
        <translation>잠시 후 피드백으로 %1의 모델을 재학습합니다(먼저 응답을 더 모읍니다)…</translation>
    </message>
    <message>
        <source>Retraining %1&apos;s %2 on your feedback… The list stays usable.</source>
        <translation>피드백으로 %1의 %2 재학습 중… 그동안에도 목록을 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>lowest risk of dislike</source>
        <translation>싫어요 위험도 낮은 순</translation>
    </message>
    <message>
        <source>like score</source>
        <translation>좋아요 점수</translation>
    </message>
    <message>
        <source>%1. By %2: %3.</source>
        <translation>%1. %2 기준: %3.</translation>
    </message>
    <message>
        <source>Wrong: I like this</source>
        <translation>잘못된 예측: 실제로는 좋아함</translation>
    </message>
    <message>
        <source>Wrong: not for me</source>
        <translation>잘못된 예측: 실제로는 내 취향 아님</translation>
    </message>
    <message>
        <source>Scored by your %1 model on %2 embeddings, trained %3.</source>
        <translation>%2 임베딩에 대한 내 %1 모델로 점수를 매겼습니다 (학습: %3).</translation>
    </message>
    <message>
        <source>Why this track?</source>
        <translation>왜 이 곡인가요?</translation>
    </message>
    <message>
        <source>Play and see which parts of the track push the model towards like or dislike</source>
        <translation>이 곡의 어느 부분이 모델을 좋아요 또는 싫어요 쪽으로 움직이는지 듣고 봅니다</translation>
    </message>
    <message>
        <source> · re-ranked by the taste profile&apos;s sliders (Reset there for the model&apos;s ranking)</source>
        <translation> · 취향 프로필의 슬라이더로 순위를 다시 매김(모델 순위로 돌아가려면 그곳에서 초기화)</translation>
    </message>
</context>
<context>
    <name>tastelab::ResultsPage</name>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Participant:</source>
        <translation>참여자:</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>겹쳐 보기</translation>
    </message>
    <message>
        <source>Draw other participants&apos; clips on the same map (raw encoder space).</source>
        <translation>다른 참여자의 클립을 같은 맵에 그립니다(인코더 원래 공간).</translation>
    </message>
    <message>
        <source>Embeddings:</source>
        <translation>임베딩:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>모델:</translation>
    </message>
    <message>
        <source>Embedding map</source>
        <translation>임베딩 맵</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>성능</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>추천</translation>
    </message>
    <message>
        <source>%1 (1 answer)</source>
        <translation>%1 (응답 1개)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n answer(s))</source>
        <translation>
            <numerusform>%1 (응답 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · #%3</source>
        <translation>%1 · %2 · #%3</translation>
    </message>
    <message>
        <source>Accuracy %1 · AUROC %2 on its test part</source>
        <translation>테스트 세트에서 정확도 %1 · AUROC %2</translation>
    </message>
    <message>
        <source>(no model yet)</source>
        <translation>(아직 모델 없음)</translation>
    </message>
    <message>
        <source>Clear overlay</source>
        <translation>겹쳐 보기 지우기</translation>
    </message>
    <message>
        <source>Overlay (+%1)</source>
        <translation>겹쳐 보기(+%1)</translation>
    </message>
    <message>
        <source>No study is open. Open or create a study on the Study page first.</source>
        <translation>열린 연구가 없습니다. 먼저 연구 페이지에서 연구를 열거나 만드세요.</translation>
    </message>
    <message>
        <source>No participant has answered yet: results need answers. Run a participant session on the Survey page.</source>
        <translation>아직 응답한 참여자가 없습니다. 결과를 보려면 응답이 필요합니다. 설문 페이지에서 참여자 세션을 진행하세요.</translation>
    </message>
    <message>
        <source>Go to Survey</source>
        <translation>설문으로 가기</translation>
    </message>
    <message>
        <source>No embeddings yet: extract them on the Features page, then the map and the models follow.</source>
        <translation>아직 임베딩이 없습니다. 특징 페이지에서 추출하면 맵과 모델을 이어서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Go to Features</source>
        <translation>특징으로 가기</translation>
    </message>
    <message>
        <source>No model trained yet for %1 with %2: train one on the Models page. Meanwhile the map shows the raw embeddings.</source>
        <translation>%2(으)로 학습한 %1의 모델이 아직 없습니다. 모델 페이지에서 학습하세요. 그동안 맵에는 원래 임베딩이 표시됩니다.</translation>
    </message>
    <message>
        <source>Train a model…</source>
        <translation>모델 학습…</translation>
    </message>
    <message numerus="yes">
        <source>Saved: %1 likes %n track(s); the recommendations retrain on it.</source>
        <translation>
            <numerusform>저장됨: %1은(는) 트랙 %n개를 좋아합니다. 추천은 이를 반영해 재학습됩니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n track(s) not for %1; the recommendations retrain on it.</source>
        <translation>
            <numerusform>저장됨: 트랙 %n개는 %1의 취향이 아닙니다. 추천은 이를 반영해 재학습됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrained %1&apos;s model on their feedback (model %2).</source>
        <translation>%1의 피드백으로 모델을 재학습했습니다(모델 %2).</translation>
    </message>
    <message>
        <source>Retrained %1&apos;s model with their steering (model %2).</source>
        <translation>%1의 모델을 조정 피드백으로 다시 학습했습니다(모델 %2).</translation>
    </message>
    <message>
        <source>Taste profile</source>
        <translation>취향 프로필</translation>
    </message>
</context>
<context>
    <name>tastelab::ScaleWizardPage</name>
    <message>
        <source>Answer scale</source>
        <translation>응답 척도</translation>
    </message>
    <message>
        <source>&amp;Like / dislike</source>
        <translation>좋아요 / 싫어요(&amp;L)</translation>
    </message>
    <message>
        <source>Likert scale, &amp;5 points</source>
        <translation>리커트 척도, &amp;5점</translation>
    </message>
    <message>
        <source>Likert scale, &amp;7 points</source>
        <translation>리커트 척도, &amp;7점</translation>
    </message>
    <message>
        <source>Button labels (lowest first)</source>
        <translation>버튼 이름(낮은 것부터)</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>How participants answer each clip.</source>
        <translation>참여자가 각 클립에 응답하는 방법.</translation>
    </message>
    <message>
        <source>How long participants listen before the buttons unlock is set on the &quot;Listening rules&quot; page.</source>
        <translation>버튼이 켜지기 전에 들어야 하는 시간은 &quot;듣기 규칙&quot; 페이지에서 정합니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::SourceWizardPage</name>
    <message>
        <source>Choose the music</source>
        <translation>음악 고르기</translation>
    </message>
    <message>
        <source>Import a folder of audio files, or a CSV list of files with their genres.</source>
        <translation>오디오 파일 폴더를 가져오거나, 파일과 장르를 적은 CSV 목록을 가져옵니다.</translation>
    </message>
    <message>
        <source>A &amp;folder of music (sub-folders included)</source>
        <translation>음악 폴더(&amp;F) (하위 폴더 포함)</translation>
    </message>
    <message>
        <source>Folder with audio files</source>
        <translation>오디오 파일이 있는 폴더</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>A CSV &amp;manifest</source>
        <translation>CSV 매니페스트(&amp;M)</translation>
    </message>
    <message>
        <source>CSV file with the columns path, genre, title, artist</source>
        <translation>path, genre, title, artist 열이 있는 CSV 파일</translation>
    </message>
    <message>
        <source>Each file&apos;s genre is the name of the folder it is in, e.g. music/jazz/track.flac is jazz. Title and artist come from the file&apos;s tags when it has them.</source>
        <translation>각 파일의 장르는 파일이 들어 있는 폴더 이름입니다. 예를 들어 music/jazz/track.flac은 jazz입니다. 제목과 아티스트는 파일에 태그가 있으면 태그에서 가져옵니다.</translation>
    </message>
    <message>
        <source>A header row is required. Relative paths are read from the CSV file&apos;s folder.</source>
        <translation>머리글 행이 필요합니다. 상대 경로는 CSV 파일이 있는 폴더를 기준으로 읽습니다.</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Clip &amp;length:</source>
        <translation>클립 길이(&amp;L):</translation>
    </message>
    <message>
        <source>Files that cannot be read, are too short for a clip of this length (away from the first and last 5 % of the track) or are duplicates of another file are skipped and listed in the report.</source>
        <translation>읽을 수 없는 파일, 이 길이의 클립에 비해 너무 짧은 파일(트랙의 처음과 끝 5 %는 제외), 다른 파일과 중복된 파일은 건너뛰고 보고서에 나열합니다.</translation>
    </message>
    <message>
        <source>Music folder</source>
        <translation>음악 폴더</translation>
    </message>
    <message>
        <source>Music manifest</source>
        <translation>음악 매니페스트</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일(*.csv);;모든 파일(*)</translation>
    </message>
</context>
<context>
    <name>tastelab::StartPage</name>
    <message>
        <source>Welcome to Tastelab</source>
        <translation>Tastelab에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Tastelab learns one person&apos;s music taste from what they like and, above all, what they dislike. What would you like to do?</source>
        <translation>Tastelab은 한 사람이 좋아하는 것과, 무엇보다 싫어하는 것으로부터 그 사람의 음악 취향을 학습합니다. 무엇을 하시겠어요?</translation>
    </message>
    <message>
        <source>Choose My Music Folder…</source>
        <translation>내 음악 폴더 고르기…</translation>
    </message>
    <message>
        <source>Try It on the Demo Library</source>
        <translation>데모 라이브러리로 체험하기</translation>
    </message>
    <message>
        <source>Go to the Study Workspace</source>
        <translation>연구 작업 공간으로 가기</translation>
    </message>
    <message>
        <source>Learn my own taste</source>
        <translation>내 취향 학습하기</translation>
    </message>
    <message>
        <source>Pick your music folder and rate short clips: like, or not for me. After the first 20 clips Tastelab asks about the tracks it is least sure of, learns in the background while you listen, and after about ten minutes ranks the rest of your library for you.</source>
        <translation>음악 폴더를 고르고 짧은 클립을 평가하세요: 좋아요, 또는 내 취향 아님. 처음 20개 클립이 지나면 Tastelab은 가장 확신하지 못하는 트랙을 묻고, 듣는 동안 백그라운드에서 학습하며, 10분쯤 지나면 라이브러리의 나머지 트랙에 순위를 매겨 줍니다.</translation>
    </message>
    <message>
        <source>Run a study</source>
        <translation>연구 진행하기</translation>
    </message>
    <message>
        <source>Set up a listening study from a folder of music: participants hear randomized clips balanced across genres, every answer is saved at once, and you compare personal models and embedding maps across participants.</source>
        <translation>음악 폴더로 청취 연구를 준비합니다. 참여자는 장르별로 균형을 맞춘 무작위 클립을 듣고, 모든 응답은 즉시 저장되며, 참여자 간 개인 모델과 임베딩 맵을 비교할 수 있습니다.</translation>
    </message>
    <message>
        <source>You can switch at any time from the File menu.</source>
        <translation>언제든지 파일 메뉴에서 전환할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::StudyOptionsDialog</name>
    <message>
        <source>Study Options — %1</source>
        <translation>연구 옵션 — %1</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>설계</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>페이지</translation>
    </message>
    <message>
        <source>Listening Rules</source>
        <translation>듣기 규칙</translation>
    </message>
    <message>
        <source>Loudness &amp;&amp; Quality</source>
        <translation>라우드니스와 품질</translation>
    </message>
    <message>
        <source>The options are stored in the study.</source>
        <translation>옵션은 연구에 저장됩니다.</translation>
    </message>
    <message>
        <source>The options are written to the study file %1, and the new version is recorded.</source>
        <translation>옵션은 연구 파일 %1에 저장되고 새 버전이 기록됩니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::StudyPage</name>
    <message>
        <source>like / dislike</source>
        <translation>좋아요 / 싫어요</translation>
    </message>
    <message>
        <source>5-point Likert</source>
        <translation>5점 리커트</translation>
    </message>
    <message>
        <source>7-point Likert</source>
        <translation>7점 리커트</translation>
    </message>
    <message>
        <source>Tastelab</source>
        <translation>Tastelab</translation>
    </message>
    <message>
        <source>Collect music preferences, one clip at a time.</source>
        <translation>음악 선호도를 한 번에 한 클립씩 수집합니다.</translation>
    </message>
    <message>
        <source>New study…</source>
        <translation>새 연구…</translation>
    </message>
    <message>
        <source>Open study…</source>
        <translation>연구 열기…</translation>
    </message>
    <message>
        <source>Open demo study</source>
        <translation>데모 연구 열기</translation>
    </message>
    <message>
        <source>A built-in library of synthesized music in several styles.</source>
        <translation>여러 스타일의 합성 음악으로 된 내장 라이브러리입니다.</translation>
    </message>
    <message>
        <source>Recent studies:</source>
        <translation>최근 연구:</translation>
    </message>
    <message>
        <source>No study is open.

Create a new study from a folder of music, or open an existing study file (*.tastelab).</source>
        <translation>열린 연구가 없습니다.

음악 폴더로 새 연구를 만들거나, 기존 연구 파일(*.tastelab)을 여세요.</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>장르</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>트랙</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>참여자</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>일관성</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Start participant session</source>
        <translation>참여자 세션 시작</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON으로 내보내기…</translation>
    </message>
    <message>
        <source>Locate music folder…</source>
        <translation>음악 폴더 찾기…</translation>
    </message>
    <message>
        <source>Tell the study where its music folder is now, after it was moved or copied to another computer.</source>
        <translation>연구를 옮기거나 다른 컴퓨터로 복사한 뒤, 음악 폴더가 지금 어디 있는지 알려 줍니다.</translation>
    </message>
    <message>
        <source>Merge study file…</source>
        <translation>연구 파일 병합…</translation>
    </message>
    <message>
        <source>Add the participants and answers collected with a copy of this study on another computer.</source>
        <translation>이 연구의 사본으로 다른 컴퓨터에서 모은 참여자와 응답을 추가합니다.</translation>
    </message>
    <message>
        <source>Tracks per genre:</source>
        <translation>장르별 트랙:</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>참여자:</translation>
    </message>
    <message>
        <source>No recent studies yet</source>
        <translation>아직 최근 연구가 없습니다</translation>
    </message>
    <message>
        <source>answer after the whole clip</source>
        <translation>클립을 끝까지 들은 뒤 응답</translation>
    </message>
    <message>
        <source>answer after %1 s</source>
        <translation>%1초 후 응답</translation>
    </message>
    <message>
        <source>%1 s clips</source>
        <translation>%1초 클립</translation>
    </message>
    <message>
        <source>clips per participant: %1</source>
        <translation>참여자당 클립: %1개</translation>
    </message>
    <message>
        <source>balanced genres</source>
        <translation>장르 균형</translation>
    </message>
    <message>
        <source>genres as they come</source>
        <translation>장르 비율 그대로</translation>
    </message>
    <message>
        <source>repeated clips: %1</source>
        <translation>반복 클립: %1개</translation>
    </message>
    <message>
        <source>(no genre)</source>
        <translation>(장르 없음)</translation>
    </message>
    <message>
        <source>Music files not found: %1 of %2. If the music folder was moved, use &quot;Locate music folder…&quot;.</source>
        <translation>찾을 수 없는 음악 파일: %2개 중 %1개. 음악 폴더를 옮겼다면 &quot;음악 폴더 찾기…&quot;를 사용하세요.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>finished %1</source>
        <translation>%1에 완료</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>Tracks: %1 · Genres: %2 · Participants: %3 · Answers: %4</source>
        <translation>트랙: %1 · 장르: %2 · 참여자: %3 · 응답: %4</translation>
    </message>
    <message>
        <source>Import issues: none</source>
        <translation>가져오기 문제: 없음</translation>
    </message>
    <message>
        <source>Import issues (%1):</source>
        <translation>가져오기 문제(%1):</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Catch clips</source>
        <translation>확인용 클립</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>카파</translation>
    </message>
    <message>
        <source>Longest run</source>
        <translation>최장 연속</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>빠른 응답</translation>
    </message>
    <message>
        <source>Focus lost</source>
        <translation>포커스 잃음</translation>
    </message>
    <message>
        <source>Audio flagged</source>
        <translation>오디오 문제 표시</translation>
    </message>
    <message>
        <source>Excluded by rule</source>
        <translation>규칙에 따른 제외</translation>
    </message>
    <message>
        <source>Data quality:</source>
        <translation>데이터 품질:</translation>
    </message>
    <message>
        <source>Rules: %1</source>
        <translation>규칙: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2개 중 %1개</translation>
    </message>
    <message numerus="yes">
        <source>n/a (%n pair(s))</source>
        <translation>
            <numerusform>해당 없음 (%n쌍)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (flagged)</source>
        <translation>%1 (표시됨)</translation>
    </message>
    <message>
        <source>yes: %1</source>
        <translation>예: %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>미설정</translation>
    </message>
    <message>
        <source>Each station collecting data with a copy of this study needs its own number, so that the stations share the balanced assignment. It is kept in this file, not in the study file.</source>
        <translation>이 연구의 사본으로 데이터를 수집하는 스테이션마다 고유 번호가 있어야 스테이션들이 균형 배정을 나눠 가집니다. 번호는 연구 파일이 아니라 이 파일에 저장됩니다.</translation>
    </message>
    <message>
        <source>Station number:</source>
        <translation>스테이션 번호:</translation>
    </message>
    <message>
        <source>of %1. Choose this station&apos;s number before the first participant.</source>
        <translation>/ %1. 첫 참가자 전에 이 스테이션의 번호를 고르세요.</translation>
    </message>
    <message>
        <source>of %1 stations (the next participant gets schedule index %2).</source>
        <translation>/ 스테이션 %1개 (다음 참가자의 일정 인덱스: %2).</translation>
    </message>
    <message>
        <source>Volume changes</source>
        <translation>음량 변경</translation>
    </message>
    <message>
        <source>Catch clips answered correctly, test-retest agreement of repeated clips (Cohen&apos;s kappa; weighted for Likert scales), the longest run of identical answers, answers faster than the study&apos;s threshold, answers with a focus loss, answers flagged by an audio underrun or device change, changes of the app&apos;s volume and of the system (PulseAudio) volume, clips skipped (studies without forced answers), and the study file&apos;s exclusion rules that apply.</source>
        <translation>정답을 맞힌 확인용 클립, 반복 클립의 재검사 일치도(코헨의 카파, 리커트 척도에서는 가중), 같은 응답이 이어진 가장 긴 길이, 연구 기준보다 빠른 응답, 포커스를 잃은 응답, 오디오 언더런이나 장치 변경으로 표시된 응답, 앱 음량과 시스템(PulseAudio) 음량의 변경, 건너뛴 클립(응답이 강제되지 않는 연구), 그리고 적용되는 연구 파일의 제외 규칙입니다.</translation>
    </message>
    <message>
        <source>app %1</source>
        <translation>앱 %1</translation>
    </message>
    <message>
        <source>system %1</source>
        <translation>시스템 %1</translation>
    </message>
    <message>
        <source>system volume not observable</source>
        <translation>시스템 음량 관찰 불가</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>tastelab::SurveyTab</name>
    <message>
        <source>like / dislike</source>
        <translation>좋아요 / 싫어요</translation>
    </message>
    <message>
        <source>a 5-point scale</source>
        <translation>5점 척도</translation>
    </message>
    <message>
        <source>a 7-point scale</source>
        <translation>7점 척도</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>설문</translation>
    </message>
    <message>
        <source>Go to the Study page</source>
        <translation>연구 페이지로 가기</translation>
    </message>
    <message>
        <source>Start survey</source>
        <translation>설문 시작</translation>
    </message>
    <message>
        <source>The survey takes the whole window. The participant enters a code (a code that was used before resumes at its first unanswered clip), answers the questions, reads the instructions and hears the clips one by one. Every answer is saved at once. To leave, use the Leave button or Survey &gt; End Session (Ctrl+Shift+E).</source>
        <translation>설문은 창 전체를 사용합니다. 참여자가 코드를 입력하고(전에 쓴 코드라면 응답하지 않은 첫 클립부터 이어집니다), 질문에 답하고, 안내문을 읽은 뒤 클립을 하나씩 듣습니다. 모든 응답은 즉시 저장됩니다. 나가려면 나가기 버튼이나 설문 &gt; 세션 끝내기(Ctrl+Shift+E)를 사용하세요.</translation>
    </message>
    <message>
        <source>Participants so far:</source>
        <translation>지금까지의 참여자:</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>참여자</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>마지막 응답</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>in progress: the same code resumes</source>
        <translation>진행 중: 같은 코드로 이어서 진행</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>No study is open: create or open one on the Study page, then start the survey here.</source>
        <translation>열린 연구가 없습니다. 연구 페이지에서 연구를 만들거나 연 뒤, 여기서 설문을 시작하세요.</translation>
    </message>
    <message>
        <source>This study has no tracks, so there is nothing to play: every file of its music folder was skipped at import (see the import issues on the Study page). Create a new study from a folder of music (File &gt; New Study).</source>
        <translation>이 연구에는 트랙이 없어 재생할 것이 없습니다. 음악 폴더의 파일이 가져오기 과정에서 모두 건너뛰어졌습니다(연구 페이지의 가져오기 문제 참고). 음악 폴더로 새 연구를 만드세요(파일 &gt; 새 연구).</translation>
    </message>
    <message numerus="yes">
        <source>Participants: %1 started · %2 finished · %n answer(s)</source>
        <translation>
            <numerusform>참여자: 시작 %1명 · 완료 %2명 · 응답 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each participant hears up to %n clip(s) of %1 s from %2 tracks and answers on %3.</source>
        <translation>
            <numerusform>참여자마다 트랙 %2개에서 고른 %1초 클립을 최대 %n개 듣고 %3 방식으로 응답합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not finished yet: %1. Entering the same code resumes at the first unanswered clip.</source>
        <translation>아직 끝나지 않음: %1. 같은 코드를 입력하면 응답하지 않은 첫 클립부터 이어집니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::SurveyWidget</name>
    <message>
        <source>No study is open.</source>
        <translation>열린 연구가 없습니다.</translation>
    </message>
    <message>
        <source>Could not start the session for %1: %2</source>
        <translation>%1의 세션을 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>This study has no clips to play. Import music into it first.</source>
        <translation>이 연구에는 재생할 클립이 없습니다. 먼저 음악을 가져오세요.</translation>
    </message>
    <message numerus="yes">
        <source>Participant %1 has already answered all %n clip(s). Thank you!</source>
        <translation>
            <numerusform>참여자 %1은(는) 이미 클립 %n개에 모두 응답했습니다. 감사합니다!</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome back, %1. Resuming at clip %2 of %3.</source>
        <translation>다시 오신 것을 환영합니다, %1 님. 클립 %3개 중 %2번째부터 이어서 합니다.</translation>
    </message>
    <message>
        <source>New participant %1</source>
        <translation>새 참여자 %1</translation>
    </message>
    <message>
        <source>Participant %1 resumed</source>
        <translation>참여자 %1 이어서 진행</translation>
    </message>
    <message>
        <source>The music file of clip %1 (%2) cannot be found.</source>
        <translation>클립 %1의 음악 파일(%2)을 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>unknown track</source>
        <translation>알 수 없는 트랙</translation>
    </message>
    <message>
        <source>Session paused</source>
        <translation>세션 일시 정지</translation>
    </message>
    <message>
        <source>%1

Your answers so far are saved. Please tell the researcher.</source>
        <translation>%1

지금까지의 응답은 저장되어 있습니다. 연구자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Take your time. The clip starts again from the beginning when you resume.</source>
        <translation>천천히 하세요. 다시 시작하면 클립이 처음부터 재생됩니다.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>Answer not saved</source>
        <translation>응답이 저장되지 않음</translation>
    </message>
    <message>
        <source>The answer to clip %1 could not be saved:
%2

Please tell the researcher. You can try answering again.</source>
        <translation>클립 %1의 응답을 저장할 수 없습니다:
%2

연구자에게 알려 주세요. 다시 응답해 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Participant %1 finished</source>
        <translation>참여자 %1 완료</translation>
    </message>
    <message>
        <source>Clips so far: %1 of %2</source>
        <translation>지금까지 클립: %2개 중 %1개</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>저장되지 않음</translation>
    </message>
    <message>
        <source>Reference level: %1 LUFS, the level of every clip in this study.</source>
        <translation>기준 레벨: %1 LUFS, 이 연구의 모든 클립과 같은 레벨입니다.</translation>
    </message>
    <message>
        <source>Please answer: %1</source>
        <translation>다음에 답해 주세요: %1</translation>
    </message>
    <message>
        <source>Practice clip %1 of %2 — this answer is not counted.</source>
        <translation>연습 클립 %2개 중 %1번째 — 이 응답은 집계되지 않습니다.</translation>
    </message>
</context>
<context>
    <name>tastelab::TasteProfileView</name>
    <message>
        <source>One prototype per genre</source>
        <translation>장르마다 프로토타입 하나</translation>
    </message>
    <message>
        <source>Instead of clusters of liked and disliked tracks: the medoid of each genre&apos;s liked and disliked tracks</source>
        <translation>좋아요/싫어요 트랙의 군집 대신 장르별 좋아요 트랙과 싫어요 트랙의 메도이드를 사용합니다</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Every slider back to its default: the classifier&apos;s ranking</source>
        <translation>모든 슬라이더를 기본값으로: 분류기의 순위</translation>
    </message>
    <message>
        <source>No study is open. Open or create a study on the Study page first.</source>
        <translation>열린 연구가 없습니다. 먼저 연구 페이지에서 연구를 열거나 만드세요.</translation>
    </message>
    <message numerus="yes">
        <source>Fidelity to the classifier: rank correlation %1; the profile and the classifier agree on like or dislike for %2 % of %n track(s).</source>
        <translation>
            <numerusform>분류기 충실도: 순위 상관 %1. 트랙 %n개 중 %2 %에서 프로필과 분류기의 좋아요/싫어요 판단이 일치합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a participant to see their taste profile.</source>
        <translation>취향 프로필을 보려면 참여자를 고르세요.</translation>
    </message>
    <message>
        <source>There is no participant %1 in this study.</source>
        <translation>이 연구에는 참여자 %1이(가) 없습니다.</translation>
    </message>
    <message>
        <source>No model trained yet for %1: train one on the Models page to see their taste profile.</source>
        <translation>%1의 학습된 모델이 아직 없습니다. 취향 프로필을 보려면 모델 페이지에서 학습하세요.</translation>
    </message>
    <message>
        <source>Finding the prototypes of %1&apos;s taste…</source>
        <translation>%1의 취향 프로토타입을 찾는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Taste profile of %1 from model %2 (%3, %4): %n prototype(s), medoids of their liked and disliked tracks in the model&apos;s space.</source>
        <translation>
            <numerusform>모델 %2(%3, %4)로 만든 %1의 취향 프로필: 프로토타입 %n개, 모델 공간에서 좋아요 트랙과 싫어요 트랙의 메도이드입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>P%1 · liked</source>
        <translation>P%1 · 좋아요</translation>
    </message>
    <message>
        <source>P%1 · disliked</source>
        <translation>P%1 · 싫어요</translation>
    </message>
    <message>
        <source>Play an excerpt of “%1”</source>
        <translation>“%1”의 발췌 구간 재생</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) · like %3 · %n track(s) in its cluster</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; (%2) · 좋아요 %3 · 군집의 트랙 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Nearest: %1</source>
        <translation>가장 가까운 곡: %1</translation>
    </message>
    <message>
        <source>avoid</source>
        <translation>피하기</translation>
    </message>
    <message>
        <source>From avoid (tracks like this one go down the list) to favour (they go up); its default is where its answer puts it</source>
        <translation>피하기(이런 곡이 목록에서 내려감)부터 선호(올라감)까지. 기본값은 응답에 따른 위치입니다</translation>
    </message>
    <message>
        <source>favour</source>
        <translation>선호</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>이런 곡 더</translation>
    </message>
    <message>
        <source>Teach the model: more tracks like this one (retrains it)</source>
        <translation>모델에 알려 주기: 이런 곡을 더(다시 학습합니다)</translation>
    </message>
    <message>
        <source>Less like this</source>
        <translation>이런 곡 덜</translation>
    </message>
    <message>
        <source>Teach the model: fewer tracks like this one (retrains it)</source>
        <translation>모델에 알려 주기: 이런 곡을 덜(다시 학습합니다)</translation>
    </message>
    <message>
        <source>The recommendation list re-ranked by the sliders (▲▼: places against the classifier&apos;s ranking):</source>
        <translation>슬라이더로 순위를 다시 매긴 추천 목록(▲▼: 분류기 순위 대비 변화):</translation>
    </message>
    <message>
        <source>The recommendation list as the classifier ranks it (move a slider to re-rank it):</source>
        <translation>분류기가 매긴 순위의 추천 목록(슬라이더를 움직이면 순위가 바뀝니다):</translation>
    </message>
    <message>
        <source>%1. %2 (%3)  score %4%5</source>
        <translation>%1. %2 (%3)  점수 %4%5</translation>
    </message>
    <message>
        <source>The music file of “%1” cannot be found (%2).</source>
        <translation>“%1”의 음악 파일을 찾을 수 없습니다(%2).</translation>
    </message>
    <message>
        <source>There is no such prototype.</source>
        <translation>그런 프로토타입이 없습니다.</translation>
    </message>
    <message>
        <source>A retraining is running: wait for its result.</source>
        <translation>다시 학습하는 중입니다. 결과를 기다리세요.</translation>
    </message>
    <message>
        <source>Saved: more like “%1”. Retraining…</source>
        <translation>저장함: “%1” 같은 곡 더. 다시 학습하는 중…</translation>
    </message>
    <message>
        <source>Saved: less like “%1”. Retraining…</source>
        <translation>저장함: “%1” 같은 곡 덜. 다시 학습하는 중…</translation>
    </message>
    <message>
        <source>Retraining the model with the steering…</source>
        <translation>조정 피드백으로 모델을 다시 학습하는 중…</translation>
    </message>
    <message>
        <source>Retraining %1: %2 epoch %3 of %4</source>
        <translation>%1 다시 학습 중: %2 에포크 %3/%4</translation>
    </message>
    <message>
        <source>The retraining failed: %1</source>
        <translation>다시 학습하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>no model was stored</source>
        <translation>저장된 모델이 없습니다</translation>
    </message>
    <message>
        <source>“%1”: %2 (like %3 → %4; new model %5).</source>
        <translation>“%1”: %2 (좋아요 %3 → %4, 새 모델 %5).</translation>
    </message>
    <message>
        <source>Steering teaches the CLEP embedder, and model %1 is %2: choose a CLEP model above.</source>
        <translation>조정은 CLEP 임베더를 학습시키는데 모델 %1은(는) %2입니다. 위에서 CLEP 모델을 고르세요.</translation>
    </message>
</context>
</TS>
