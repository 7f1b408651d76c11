/**
 * Quality flags in the reader's language: the candidate's results (per game) and the coach workspace (the profile's
 * list, `<game>.` before each code). A flag's English `detail` stays the researchers' and the algorithm card's text;
 * these words are for people. One sentence per flag kind (the code without its game and part: `many-anticipations`
 * for `reaction.simple.many-anticipations`), at B1 level, never a diagnosis: what happened, and what it means for the
 * score. A kind whose flag carries its numbers as data (`values`) may have a second sentence `flag.<kind>.n` that says
 * them; it is used only when every number it names is there (flags saved before `values` existed get the first).
 * The part of a game is named with the game's own words (`part.<game>.<part>`, beside its metric names), the game by
 * its name. A code this version does not know gets a general sentence, and the screen shows the code beside it.
 * Registered for `tDynamic` when first imported (both screens import `describeFlag` from here).
 */
import { GAMES } from '../../games/registry.ts';
import { formatNumber, lang, messageIn, registerMessages, tDynamic } from '../i18n/index.ts';
import type { GameMessages, QualityFlag } from '../runtime/game-contract.ts';

export const FLAG_MESSAGES: GameMessages = {
  en: {
    'flag.placed': '{place}: {text}',
    'flag.technical': 'Technical notes (in English, for researchers)',
    'flag.unknown': 'There is a note about how this game went that this version of the app cannot put into words yet.',
    'flag.interrupted':
      'Some turns were interrupted (for example by another app, a call or a reload) and were played again. If that happens often, this score counts less.',
    'flag.interrupted.n':
      'Turns interrupted and played again (for example by another app, a call or a reload): {count}. If that happens often, this score counts less.',
    'flag.frame-drops':
      'The screen did not run smoothly for a moment while a picture was shown. The times of those turns may be a little off, so this score may count less.',
    'flag.frame-drops.n': 'Turns in which the screen did not run smoothly: {count}. Their times may be a little off, so this score may count less.',
    'flag.display-stutter': 'The screen stuttered for a moment, but the times were still measured well. This does not change the score.',
    'flag.display-stutter.n':
      'Turns in which the screen stuttered for a moment: {count}. The times were still measured well, so this does not change the score.',
    'flag.many-anticipations': 'Some answers came very fast, before the picture could really be seen. So this score counts less.',
    'flag.many-anticipations.n': '{count} of {total} answers came very fast, before the picture could really be seen. So this score counts less.',
    'flag.many-omissions': 'Quite a few turns got no answer in time. So this score says less.',
    'flag.many-omissions.n': '{count} of {total} turns got no answer in time. So this score says less.',
    'flag.no-responses': 'No answer was given here, so there is no score for it.',
    'flag.no-responses.n': 'None of the {total} turns got an answer, so there is no score for it.',
    'flag.near-chance': 'About as many answers were right as by guessing. Perhaps the rule was not clear. So this score counts less.',
    'flag.near-chance.n': '{count} of {total} answers were right: about as many as by guessing. Perhaps the rule was not clear. So this score counts less.',
    'flag.low-accuracy': 'About as many answers were right as by guessing. Perhaps the rules were not clear. So this score counts less.',
    'flag.low-accuracy.n': '{count} of {total} answers were right: about as many as by guessing. Perhaps the rules were not clear. So this score counts less.',
    'flag.practice-not-passed': 'The practice did not work out, not even the second time. Perhaps the explanation was not clear. The game went on.',
    'flag.practice-failed': 'The practice did not work out, not even the second time. Perhaps the explanation was not clear. The game went on.',
    'flag.time-scaled': 'This was an automatic test run, not a real play. It is not a measurement.',
    'flag.time-scaled.n': 'This was an automatic test run at {speed}× speed, not a real play. It is not a measurement.',
    'flag.onsets-raf-rule': 'This browser cannot tell exactly when a picture appeared on the screen. The times may be a little less exact.',
    'flag.onsets-partly-measured': 'For some pictures we could not measure exactly when they appeared. Those times may be a little less exact.',
    'flag.onsets-partly-measured.n': 'For {count} of {total} pictures we could not measure exactly when they appeared. Those times may be a little less exact.',
    'flag.ssd-mismatch': 'Part of what was saved does not match what the game should have shown. So the stop time counts less.',
    'flag.missing-onset': 'For some turns it was not saved when the arrow appeared. Those turns were left out.',
    'flag.missing-onset.n': 'Turns without a saved moment when the arrow appeared: {count}. They were left out.',
    'flag.race-violation':
      'In this play, pressing at the stop sign was not faster than pressing at the other arrows. Then the stop time cannot be worked out well, so it counts less.',
    'flag.p-respond-out-of-range':
      'Stopping at the stop sign worked almost always, or almost never. Then the stop time cannot be worked out well, so it counts less.',
    'flag.many-go-omissions': 'Many arrows got no answer, as if waiting for the stop sign. So the stop time counts less.',
    'flag.many-go-omissions.n': '{percent}% of the arrows got no answer, as if waiting for the stop sign. So the stop time counts less.',
    'flag.position-bias': 'Almost every choice was the same place, even when the best shape changed. So this score counts less.',
    'flag.position-bias.n': '{count} of {total} choices were the same place, even when the best shape changed. So this score counts less.',
    'flag.side-bias': 'Almost every choice was on the same side of the screen. So this score counts less.',
    'flag.incomplete-block': 'Not every turn of this game was played. So this score counts less.',
    'flag.incomplete-block.n': '{count} of {total} turns of this game were played. So this score counts less.',
    'flag.missing-trials': 'Some turns are missing from what was saved. So this score counts less.',
    'flag.missing-trials.n': 'Turns missing from what was saved: {count}. So this score counts less.',
    'flag.contingency-mismatch': 'Part of what was saved does not match the plan of the game. The plan was used for the score, and this score counts less.',
    'flag.ceiling': 'The longest row of blocks was reached. The real score may be even higher.',
    'flag.ceiling.n': 'The longest row of blocks ({length}) was reached. The real score may be even higher.',
    'flag.stop-rule': 'Some rows were played after the game should have stopped. So this score counts less.',
    'flag.stop-rule.n': 'Rows played after the game should have stopped: {count}. So this score counts less.',
    'flag.timeouts': 'Some rows ended because there was no tap for a while.',
    'flag.timeouts.n': 'Rows that ended because there was no tap for {seconds} seconds: {count}.',
    'flag.provisional': 'The comparison group is still provisional. The scores may shift a little when more people have played.',
    'flag.mixed-devices': 'More than one kind of input was used (for example touch and a keyboard). So speed scores compare a little less well.',
    'flag.device-mismatch':
      'This game was played with another kind of input than the comparison group used (for example touch instead of a mouse). The times may differ a little from theirs.',
  },
  nl: {
    'flag.placed': '{place}: {text}',
    'flag.technical': 'Technische notities (in het Engels, voor onderzoekers)',
    'flag.unknown': 'Er is een opmerking over hoe dit spel ging, maar deze versie van de app heeft daar nog geen woorden voor.',
    'flag.interrupted':
      'Een paar beurten werden onderbroken (bijvoorbeeld door een andere app, een oproep of herladen) en zijn opnieuw gespeeld. Gebeurt dat vaak, dan telt deze score minder mee.',
    'flag.interrupted.n':
      'Beurten onderbroken en opnieuw gespeeld (bijvoorbeeld door een andere app, een oproep of herladen): {count}. Gebeurt dat vaak, dan telt deze score minder mee.',
    'flag.frame-drops':
      'Het beeld liep even niet soepel terwijl er een plaatje te zien was. De tijden van die beurten kunnen iets afwijken, dus deze score telt misschien minder mee.',
    'flag.frame-drops.n': 'Beurten waarin het beeld niet soepel liep: {count}. Hun tijden kunnen iets afwijken, dus deze score telt misschien minder mee.',
    'flag.display-stutter': 'Het beeld haperde even, maar de tijden zijn toch goed gemeten. Dit verandert de score niet.',
    'flag.display-stutter.n': 'Beurten waarin het beeld even haperde: {count}. De tijden zijn toch goed gemeten, dus dit verandert de score niet.',
    'flag.many-anticipations': 'Sommige antwoorden kwamen heel snel, nog voordat het plaatje echt te zien was. Daarom telt deze score minder mee.',
    'flag.many-anticipations.n':
      '{count} van de {total} antwoorden kwamen heel snel, nog voordat het plaatje echt te zien was. Daarom telt deze score minder mee.',
    'flag.many-omissions': 'Best veel beurten kregen niet op tijd een antwoord. Daarom zegt deze score minder.',
    'flag.many-omissions.n': '{count} van de {total} beurten kregen niet op tijd een antwoord. Daarom zegt deze score minder.',
    'flag.no-responses': 'Hier is geen antwoord gegeven, dus hiervoor is er geen score.',
    'flag.no-responses.n': 'Geen van de {total} beurten kreeg een antwoord, dus hiervoor is er geen score.',
    'flag.near-chance': 'Er waren ongeveer evenveel antwoorden goed als bij gokken. Misschien was de regel niet duidelijk. Daarom telt deze score minder mee.',
    'flag.near-chance.n':
      '{count} van de {total} antwoorden waren goed: ongeveer evenveel als bij gokken. Misschien was de regel niet duidelijk. Daarom telt deze score minder mee.',
    'flag.low-accuracy':
      'Er waren ongeveer evenveel antwoorden goed als bij gokken. Misschien waren de regels niet duidelijk. Daarom telt deze score minder mee.',
    'flag.low-accuracy.n':
      '{count} van de {total} antwoorden waren goed: ongeveer evenveel als bij gokken. Misschien waren de regels niet duidelijk. Daarom telt deze score minder mee.',
    'flag.practice-not-passed': 'Het oefenen lukte niet, ook niet de tweede keer. Misschien was de uitleg niet duidelijk. Het spel ging wel door.',
    'flag.practice-failed': 'Het oefenen lukte niet, ook niet de tweede keer. Misschien was de uitleg niet duidelijk. Het spel ging wel door.',
    'flag.time-scaled': 'Dit was een automatische testronde, geen echt spel. Het is geen meting.',
    'flag.time-scaled.n': 'Dit was een automatische testronde op {speed}× snelheid, geen echt spel. Het is geen meting.',
    'flag.onsets-raf-rule': 'Deze browser kan niet precies doorgeven wanneer een plaatje op het scherm kwam. De tijden kunnen iets minder precies zijn.',
    'flag.onsets-partly-measured': 'Bij sommige plaatjes konden we niet precies meten wanneer ze verschenen. Die tijden kunnen iets minder precies zijn.',
    'flag.onsets-partly-measured.n':
      'Bij {count} van de {total} plaatjes konden we niet precies meten wanneer ze verschenen. Die tijden kunnen iets minder precies zijn.',
    'flag.ssd-mismatch': 'Een deel van wat is opgeslagen past niet bij wat het spel had moeten laten zien. Daarom telt de stoptijd minder mee.',
    'flag.missing-onset': 'Bij sommige beurten is niet opgeslagen wanneer de pijl verscheen. Die beurten tellen niet mee.',
    'flag.missing-onset.n': 'Beurten zonder opgeslagen moment waarop de pijl verscheen: {count}. Die tellen niet mee.',
    'flag.race-violation':
      'In dit spel ging drukken bij het stopteken niet sneller dan drukken bij de andere pijlen. Dan is de stoptijd niet goed te berekenen, dus die telt minder mee.',
    'flag.p-respond-out-of-range':
      'Stoppen bij het stopteken lukte bijna altijd, of bijna nooit. Dan is de stoptijd niet goed te berekenen, dus die telt minder mee.',
    'flag.many-go-omissions': 'Veel pijlen kregen geen antwoord, alsof er op het stopteken werd gewacht. Daarom telt de stoptijd minder mee.',
    'flag.many-go-omissions.n': '{percent}% van de pijlen kreeg geen antwoord, alsof er op het stopteken werd gewacht. Daarom telt de stoptijd minder mee.',
    'flag.position-bias': 'Bijna elke keuze was dezelfde plek, ook toen de beste vorm wisselde. Daarom telt deze score minder mee.',
    'flag.position-bias.n': '{count} van de {total} keuzes waren dezelfde plek, ook toen de beste vorm wisselde. Daarom telt deze score minder mee.',
    'flag.side-bias': 'Bijna elke keuze was aan dezelfde kant van het scherm. Daarom telt deze score minder mee.',
    'flag.incomplete-block': 'Niet elke beurt van dit spel is gespeeld. Daarom telt deze score minder mee.',
    'flag.incomplete-block.n': '{count} van de {total} beurten van dit spel zijn gespeeld. Daarom telt deze score minder mee.',
    'flag.missing-trials': 'Er ontbreken beurten in wat is opgeslagen. Daarom telt deze score minder mee.',
    'flag.missing-trials.n': 'Beurten die ontbreken in wat is opgeslagen: {count}. Daarom telt deze score minder mee.',
    'flag.contingency-mismatch':
      'Een deel van wat is opgeslagen past niet bij het plan van het spel. Voor de score is het plan gebruikt, en deze score telt minder mee.',
    'flag.ceiling': 'De langste rij blokken is gehaald. De echte score kan nog hoger zijn.',
    'flag.ceiling.n': 'De langste rij blokken ({length}) is gehaald. De echte score kan nog hoger zijn.',
    'flag.stop-rule': 'Er zijn rijen gespeeld nadat het spel had moeten stoppen. Daarom telt deze score minder mee.',
    'flag.stop-rule.n': 'Rijen gespeeld nadat het spel had moeten stoppen: {count}. Daarom telt deze score minder mee.',
    'flag.timeouts': 'Sommige rijen stopten omdat er een tijdje niet getikt werd.',
    'flag.timeouts.n': 'Rijen die stopten omdat er {seconds} seconden niet getikt werd: {count}.',
    'flag.provisional': 'De vergelijkingsgroep is nog voorlopig. De scores kunnen nog iets verschuiven als meer mensen hebben gespeeld.',
    'flag.mixed-devices':
      'Er is meer dan één soort invoer gebruikt (bijvoorbeeld aanraken en een toetsenbord). Daardoor zijn snelheidsscores iets minder goed te vergelijken.',
    'flag.device-mismatch':
      'Dit spel is gespeeld met een andere soort invoer dan de vergelijkingsgroep gebruikte (bijvoorbeeld aanraken in plaats van een muis). De tijden kunnen iets van de hunne verschillen.',
  },
  uk: {
    'flag.placed': '{place}: {text}',
    'flag.technical': 'Технічні примітки (англійською, для дослідників)',
    'flag.unknown': 'Є примітка про те, як пройшла ця гра, але ця версія застосунку ще не має для неї слів.',
    'flag.interrupted':
      'Деякі ходи було перервано (наприклад, іншим застосунком, дзвінком або перезавантаженням), і їх зіграно ще раз. Якщо так буває часто, цей результат важить менше.',
    'flag.interrupted.n':
      'Перервані й зіграні ще раз ходи (наприклад, через інший застосунок, дзвінок або перезавантаження): {count}. Якщо так буває часто, цей результат важить менше.',
    'flag.frame-drops':
      'Зображення на мить рухалося не плавно, коли було видно картинку. Час цих ходів може трохи відрізнятися, тож цей результат може важити менше.',
    'flag.frame-drops.n': 'Ходи, у яких зображення рухалося не плавно: {count}. Їхній час може трохи відрізнятися, тож цей результат може важити менше.',
    'flag.display-stutter': 'Зображення на мить затнулося, але час усе одно виміряно добре. Це не змінює результату.',
    'flag.display-stutter.n': 'Ходи, у яких зображення на мить затнулося: {count}. Час усе одно виміряно добре, тож це не змінює результату.',
    'flag.many-anticipations': 'Деякі відповіді були дуже швидкими — ще до того, як картинку можна було як слід побачити. Тому цей результат важить менше.',
    'flag.many-anticipations.n':
      'Дуже швидкі відповіді, ще до того, як картинку можна було як слід побачити: {count} з {total}. Тому цей результат важить менше.',
    'flag.many-omissions': 'Чимало ходів не отримали відповіді вчасно. Тому цей результат каже менше.',
    'flag.many-omissions.n': 'Ходи без вчасної відповіді: {count} з {total}. Тому цей результат каже менше.',
    'flag.no-responses': 'Тут не було жодної відповіді, тому результату немає.',
    'flag.no-responses.n': 'Ходів: {total}, і жоден не отримав відповіді. Тому результату немає.',
    'flag.near-chance':
      'Правильних відповідей було приблизно стільки, скільки буває навмання. Можливо, правило було незрозумілим. Тому цей результат важить менше.',
    'flag.near-chance.n':
      'Правильні відповіді: {count} з {total} — приблизно стільки, скільки буває навмання. Можливо, правило було незрозумілим. Тому цей результат важить менше.',
    'flag.low-accuracy':
      'Правильних відповідей було приблизно стільки, скільки буває навмання. Можливо, правила були незрозумілими. Тому цей результат важить менше.',
    'flag.low-accuracy.n':
      'Правильні відповіді: {count} з {total} — приблизно стільки, скільки буває навмання. Можливо, правила були незрозумілими. Тому цей результат важить менше.',
    'flag.practice-not-passed': 'Тренування не вдалося, навіть із другої спроби. Можливо, пояснення було незрозумілим. Гра тривала далі.',
    'flag.practice-failed': 'Тренування не вдалося, навіть із другої спроби. Можливо, пояснення було незрозумілим. Гра тривала далі.',
    'flag.time-scaled': 'Це був автоматичний тестовий прогін, а не справжня гра. Це не вимірювання.',
    'flag.time-scaled.n': 'Це був автоматичний тестовий прогін зі швидкістю {speed}×, а не справжня гра. Це не вимірювання.',
    'flag.onsets-raf-rule': 'Цей браузер не може точно повідомити, коли картинка з’явилася на екрані. Час може бути трохи менш точним.',
    'flag.onsets-partly-measured': 'Для деяких картинок ми не змогли точно виміряти, коли вони з’явилися. Цей час може бути трохи менш точним.',
    'flag.onsets-partly-measured.n': 'Картинки, для яких не вдалося точно виміряти момент появи: {count} з {total}. Цей час може бути трохи менш точним.',
    'flag.ssd-mismatch': 'Частина збережених даних не відповідає тому, що гра мала показати. Тому час зупинки важить менше.',
    'flag.missing-onset': 'Для деяких ходів не збережено, коли з’явилася стрілка. Ці ходи не враховано.',
    'flag.missing-onset.n': 'Ходи без збереженого моменту появи стрілки: {count}. Їх не враховано.',
    'flag.race-violation':
      'У цій грі натискання на знак стоп не було швидшим, ніж натискання на інші стрілки. Тоді час зупинки не можна добре обчислити, тож він важить менше.',
    'flag.p-respond-out-of-range':
      'Зупинитися на знак стоп вдавалося майже завжди або майже ніколи. Тоді час зупинки не можна добре обчислити, тож він важить менше.',
    'flag.many-go-omissions': 'Багато стрілок залишилися без відповіді, ніби на знак стоп чекали. Тому час зупинки важить менше.',
    'flag.many-go-omissions.n': 'Стрілки без відповіді: {percent}%, ніби на знак стоп чекали. Тому час зупинки важить менше.',
    'flag.position-bias': 'Майже кожен вибір був на тому самому місці, навіть коли найкраща фігура змінювалася. Тому цей результат важить менше.',
    'flag.position-bias.n': 'Вибори того самого місця, навіть коли найкраща фігура змінювалася: {count} з {total}. Тому цей результат важить менше.',
    'flag.side-bias': 'Майже кожен вибір був з того самого боку екрана. Тому цей результат важить менше.',
    'flag.incomplete-block': 'Не всі ходи цієї гри зіграно. Тому цей результат важить менше.',
    'flag.incomplete-block.n': 'Зіграні ходи цієї гри: {count} з {total}. Тому цей результат важить менше.',
    'flag.missing-trials': 'Деяких ходів бракує в збережених даних. Тому цей результат важить менше.',
    'flag.missing-trials.n': 'Ходи, яких бракує в збережених даних: {count}. Тому цей результат важить менше.',
    'flag.contingency-mismatch': 'Частина збережених даних не відповідає плану гри. Для результату використано план, і цей результат важить менше.',
    'flag.ceiling': 'Досягнуто найдовшого ряду блоків. Справжній результат може бути ще вищим.',
    'flag.ceiling.n': 'Досягнуто найдовшого ряду блоків ({length}). Справжній результат може бути ще вищим.',
    'flag.stop-rule': 'Деякі ряди зіграно після того, як гра мала зупинитися. Тому цей результат важить менше.',
    'flag.stop-rule.n': 'Ряди, зіграні після того, як гра мала зупинитися: {count}. Тому цей результат важить менше.',
    'flag.timeouts': 'Деякі ряди закінчилися, бо якийсь час не було дотику.',
    'flag.timeouts.n': 'Ряди, що закінчилися, бо {seconds} с не було дотику: {count}.',
    'flag.provisional': 'Група порівняння ще попередня. Результати можуть трохи зміститися, коли зіграє більше людей.',
    'flag.mixed-devices': 'Використано більше ніж один спосіб введення (наприклад, дотик і клавіатуру). Тому результати швидкості трохи гірше порівнюються.',
    'flag.device-mismatch':
      'Цю гру зіграно з іншим способом введення, ніж у групи порівняння (наприклад, дотик замість миші). Час може трохи відрізнятися від їхнього.',
  },
  ar: {
    'flag.placed': '{place}: {text}',
    'flag.technical': 'ملاحظات تقنية (بالإنجليزية، للباحثين)',
    'flag.unknown': 'هناك ملاحظة عن سير هذه اللعبة، لكن هذه النسخة من التطبيق لا تملك كلمات لها بعد.',
    'flag.interrupted':
      'انقطعت بعض الجولات (مثلًا بسبب تطبيق آخر أو مكالمة أو إعادة تحميل الصفحة) ولُعبت مرة أخرى. إذا حدث ذلك كثيرًا، تُحتسب هذه النتيجة بوزن أقل.',
    'flag.interrupted.n':
      'الجولات التي انقطعت ولُعبت مرة أخرى (مثلًا بسبب تطبيق آخر أو مكالمة أو إعادة تحميل الصفحة): {count}. إذا حدث ذلك كثيرًا، تُحتسب هذه النتيجة بوزن أقل.',
    'flag.frame-drops': 'لم تكن الشاشة سلسة للحظة أثناء ظهور صورة. قد تكون أوقات هذه الجولات غير دقيقة قليلًا، لذلك قد تُحتسب هذه النتيجة بوزن أقل.',
    'flag.frame-drops.n': 'الجولات التي لم تكن فيها الشاشة سلسة: {count}. قد تكون أوقاتها غير دقيقة قليلًا، لذلك قد تُحتسب هذه النتيجة بوزن أقل.',
    'flag.display-stutter': 'تقطّعت الشاشة للحظة، لكن الأوقات قيست جيدًا. هذا لا يغيّر النتيجة.',
    'flag.display-stutter.n': 'الجولات التي تقطّعت فيها الشاشة للحظة: {count}. الأوقات قيست جيدًا، لذلك لا يغيّر هذا النتيجة.',
    'flag.many-anticipations': 'جاءت بعض الإجابات بسرعة كبيرة، قبل أن تُرى الصورة جيدًا. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.many-anticipations.n': 'الإجابات التي جاءت بسرعة كبيرة قبل أن تُرى الصورة جيدًا: {count} من {total}. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.many-omissions': 'لم تحصل جولات كثيرة على إجابة في الوقت. لذلك تقول هذه النتيجة أقل.',
    'flag.many-omissions.n': 'الجولات التي لم تحصل على إجابة في الوقت: {count} من {total}. لذلك تقول هذه النتيجة أقل.',
    'flag.no-responses': 'لم تُعطَ أي إجابة هنا، لذلك لا توجد نتيجة لهذا الجزء.',
    'flag.no-responses.n': 'عدد الجولات: {total}، ولم تحصل أي منها على إجابة. لذلك لا توجد نتيجة لهذا الجزء.',
    'flag.near-chance': 'كان عدد الإجابات الصحيحة قريبًا مما يأتي به التخمين. ربما لم تكن القاعدة واضحة. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.near-chance.n': 'الإجابات الصحيحة: {count} من {total}، وهذا قريب مما يأتي به التخمين. ربما لم تكن القاعدة واضحة. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.low-accuracy': 'كان عدد الإجابات الصحيحة قريبًا مما يأتي به التخمين. ربما لم تكن القواعد واضحة. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.low-accuracy.n': 'الإجابات الصحيحة: {count} من {total}، وهذا قريب مما يأتي به التخمين. ربما لم تكن القواعد واضحة. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.practice-not-passed': 'لم ينجح التدريب، حتى في المرة الثانية. ربما لم يكن الشرح واضحًا. واستمرت اللعبة.',
    'flag.practice-failed': 'لم ينجح التدريب، حتى في المرة الثانية. ربما لم يكن الشرح واضحًا. واستمرت اللعبة.',
    'flag.time-scaled': 'كانت هذه جولة اختبار آلية، وليست لعبًا حقيقيًا. إنها ليست قياسًا.',
    'flag.time-scaled.n': 'كانت هذه جولة اختبار آلية بسرعة {speed}×، وليست لعبًا حقيقيًا. إنها ليست قياسًا.',
    'flag.onsets-raf-rule': 'لا يستطيع هذا المتصفح أن يحدد بدقة متى ظهرت الصورة على الشاشة. قد تكون الأوقات أقل دقة قليلًا.',
    'flag.onsets-partly-measured': 'لم نتمكن من قياس وقت ظهور بعض الصور بدقة. قد تكون هذه الأوقات أقل دقة قليلًا.',
    'flag.onsets-partly-measured.n': 'الصور التي لم نتمكن من قياس وقت ظهورها بدقة: {count} من {total}. قد تكون هذه الأوقات أقل دقة قليلًا.',
    'flag.ssd-mismatch': 'جزء مما حُفظ لا يطابق ما كان على اللعبة أن تعرضه. لذلك يُحتسب زمن التوقّف بوزن أقل.',
    'flag.missing-onset': 'في بعض الجولات لم يُحفظ وقت ظهور السهم. لم تُحتسب هذه الجولات.',
    'flag.missing-onset.n': 'الجولات التي لم يُحفظ فيها وقت ظهور السهم: {count}. لم تُحتسب.',
    'flag.race-violation':
      'في هذا اللعب لم يكن الضغط عند علامة التوقّف أسرع من الضغط عند الأسهم الأخرى. عندها لا يمكن حساب زمن التوقّف جيدًا، لذلك يُحتسب بوزن أقل.',
    'flag.p-respond-out-of-range': 'نجح التوقّف عند علامة التوقّف دائمًا تقريبًا، أو لم ينجح تقريبًا أبدًا. عندها لا يمكن حساب زمن التوقّف جيدًا، لذلك يُحتسب بوزن أقل.',
    'flag.many-go-omissions': 'لم تحصل أسهم كثيرة على إجابة، وكأن هناك انتظارًا لعلامة التوقّف. لذلك يُحتسب زمن التوقّف بوزن أقل.',
    'flag.many-go-omissions.n': 'الأسهم التي لم تحصل على إجابة: {percent}%، وكأن هناك انتظارًا لعلامة التوقّف. لذلك يُحتسب زمن التوقّف بوزن أقل.',
    'flag.position-bias': 'كانت كل الاختيارات تقريبًا في المكان نفسه، حتى عندما تغيّر الشكل الأفضل. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.position-bias.n': 'الاختيارات في المكان نفسه رغم تغيّر الشكل الأفضل: {count} من {total}. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.side-bias': 'كانت كل الاختيارات تقريبًا في الجهة نفسها من الشاشة. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.incomplete-block': 'لم تُلعب كل جولات هذه اللعبة. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.incomplete-block.n': 'الجولات التي لُعبت من هذه اللعبة: {count} من {total}. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.missing-trials': 'تنقص بعض الجولات فيما حُفظ. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.missing-trials.n': 'الجولات الناقصة فيما حُفظ: {count}. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.contingency-mismatch': 'جزء مما حُفظ لا يطابق خطة اللعبة. استُخدمت الخطة لحساب النتيجة، وتُحتسب هذه النتيجة بوزن أقل.',
    'flag.ceiling': 'تم الوصول إلى أطول صف من المربعات. قد تكون النتيجة الحقيقية أعلى من ذلك.',
    'flag.ceiling.n': 'تم الوصول إلى أطول صف من المربعات ({length}). قد تكون النتيجة الحقيقية أعلى من ذلك.',
    'flag.stop-rule': 'لُعبت بعض الصفوف بعد أن كان على اللعبة أن تتوقف. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.stop-rule.n': 'الصفوف التي لُعبت بعد أن كان على اللعبة أن تتوقف: {count}. لذلك تُحتسب هذه النتيجة بوزن أقل.',
    'flag.timeouts': 'انتهت بعض الصفوف لأنه لم تكن هناك لمسة لبعض الوقت.',
    'flag.timeouts.n': 'الصفوف التي انتهت لأنه لم تكن هناك لمسة لمدة {seconds} ثانية: {count}.',
    'flag.provisional': 'مجموعة المقارنة ما زالت مؤقتة. قد تتغيّر النتائج قليلًا عندما يلعب المزيد من الناس.',
    'flag.mixed-devices': 'استُخدم أكثر من نوع واحد من الإدخال (مثلًا اللمس ولوحة المفاتيح). لذلك تكون مقارنة نتائج السرعة أقل دقة قليلًا.',
    'flag.device-mismatch': 'لُعبت هذه اللعبة بنوع إدخال مختلف عن الذي استخدمته مجموعة المقارنة (مثلًا اللمس بدلًا من الفأرة). قد تختلف الأوقات قليلًا عن أوقاتهم.',
  },
};

registerMessages(FLAG_MESSAGES);

/** Numbers that add up when one code is raised more than once (per block); others are kept only when all agree. */
const ADDITIVE = new Set(['count', 'total']);

/**
 * One entry per code, in the order the codes first appear: a scorer raises some flags once per block ('frame-drops'
 * in blocks 1 and 3), which would read as the same sentence twice. Counts and totals are added; a number that differs
 * between the entries (the block) is dropped, so the sentence says what holds for all of them.
 */
export function mergeFlags<F extends Pick<QualityFlag, 'code' | 'values'>>(flags: readonly F[]): Pick<QualityFlag, 'code' | 'values'>[] {
  const byCode = new Map<string, F[]>();
  for (const f of flags) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  return [...byCode].map(([code, same]) => {
    if (same.length === 1) return same[0] as F;
    const all = same.map((f) => f.values);
    if (all.some((v) => v === undefined)) return { code };
    const first = all[0] as Readonly<Record<string, number>>;
    const values: Record<string, number> = {};
    for (const key of Object.keys(first)) {
      const numbers = all.map((v) => v?.[key]);
      if (numbers.some((n) => typeof n !== 'number')) continue;
      if (ADDITIVE.has(key)) values[key] = (numbers as number[]).reduce((a, b) => a + b, 0);
      else if (numbers.every((n) => n === first[key])) values[key] = first[key] as number;
    }
    return { code, values };
  });
}

/** A flag code read into its parts: the game (only in a profile's codes), the part of the game, and the kind. */
export interface FlagCodeParts {
  game?: string;
  part?: string;
  kind: string;
}

/**
 * Reads `<kind>`, `<part>.<kind>`, and in a profile's list `<game>.<kind>` or `<game>.<part>.<kind>` (a first segment
 * that names a registered game is the game). `game` is given when the caller knows it (a game score's flags).
 * Codes without a game, such as `norm.provisional` and `session.mixed-devices`, keep their first segment as the part.
 */
export function parseFlagCode(code: string, game?: string): FlagCodeParts {
  const segments = code.split('.');
  const kind = segments.pop() ?? code;
  const owner = game ?? (segments.length > 0 && Object.hasOwn(GAMES, segments[0] as string) ? segments.shift() : undefined);
  const part = segments.join('.');
  return { ...(owner ? { game: owner } : {}), ...(part ? { part } : {}), kind };
}

/** What a screen shows for a flag: the sentence (with where it happened, when the code says so) and whether it is known. */
export interface FlagWords {
  text: string;
  /** False for a code this version has no words for: the screen shows the code beside the general sentence. */
  known: boolean;
}

/** Keys of this bundle that are not flag kinds, so a code ending in one of them is still unknown. */
const NOT_KINDS = new Set(['placed', 'technical', 'unknown']);

/** Whether the current language has words for a key. */
const has = (key: string) => messageIn(lang(), key) !== undefined;

/** The placeholders of a sentence, e.g. ['count', 'total']. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

/**
 * The flag in the current language. `game` is the game whose score carries the flag (the results screen, where the
 * game is the card's caption); without it, a game named by the code is said before the sentence (the coach's list).
 */
export function describeFlag(flag: Pick<QualityFlag, 'code' | 'values'>, game?: string): FlagWords {
  const { game: owner, part, kind } = parseFlagCode(flag.code, game);
  const known = !NOT_KINDS.has(kind) && has(`flag.${kind}`);
  const text = known ? sentence(kind, flag.values) : tDynamic('flag.unknown');
  const place = [
    game === undefined && owner !== undefined ? tDynamic(`game.${owner}`) : undefined,
    owner !== undefined && part !== undefined ? (has(`part.${owner}.${part}`) ? tDynamic(`part.${owner}.${part}`) : part) : undefined,
  ].filter((p): p is string => p !== undefined);
  return { text: place.length > 0 ? tDynamic('flag.placed', { place: place.join(' · '), text }) : text, known };
}

/** The sentence with the flag's numbers when it has a numbered one and carries every number it names, else without. */
function sentence(kind: string, values: QualityFlag['values']): string {
  const numbered = `flag.${kind}.n`;
  if (values && has(numbered)) {
    const names = placeholders(FLAG_MESSAGES[lang()][numbered] ?? '');
    if (names.every((n) => typeof values[n] === 'number')) {
      return tDynamic(numbered, Object.fromEntries(names.map((n) => [n, formatNumber(values[n] as number, 1)])));
    }
  }
  return tDynamic(`flag.${kind}`);
}
