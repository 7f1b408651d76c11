import type { GameMessages } from '../../src/runtime/game-contract.ts';

/** Reversal's words: block instructions and metric names, in every shell language. */
export const reversalMessages: GameMessages = {
  en: {
    'reversal.practice': 'Pick one of the two shapes: tap it, or press ← or →. One shape gives a coin more often. Find it.',
    'reversal.test': 'New shapes. Collect as many coins as you can. Watch out: the better shape can change.',
    'game.reversal': 'Coin hunt',
    'metric.reversal.reversals': 'Switches found',
    'metric.reversal.trials_to_first_criterion': 'Rounds to learn the first rule',
    'metric.reversal.perseverative_errors': 'Sticking with the old choice after a switch',
    'metric.reversal.win_stay': 'Staying after a coin',
    'metric.reversal.lose_shift': 'Switching after no coin',
    'metric.reversal.best_choice_rate': 'Choosing the better shape',
  },
  nl: {
    'reversal.practice': 'Kies een van de twee vormen: tik erop, of druk op ← of →. Eén vorm geeft vaker een munt. Zoek hem.',
    'reversal.test': 'Nieuwe vormen. Verzamel zo veel mogelijk munten. Let op: de betere vorm kan veranderen.',
    'game.reversal': 'Muntenjacht',
    'metric.reversal.reversals': 'Gevonden wissels',
    'metric.reversal.trials_to_first_criterion': 'Beurten tot de eerste regel geleerd is',
    'metric.reversal.perseverative_errors': 'Vasthouden aan de oude keuze na een wissel',
    'metric.reversal.win_stay': 'Blijven na een munt',
    'metric.reversal.lose_shift': 'Wisselen na geen munt',
    'metric.reversal.best_choice_rate': 'De betere vorm kiezen',
  },
  uk: {
    'reversal.practice': 'Оберіть одну з двох фігур: торкніться її або натисніть ← чи →. Одна фігура частіше дає монету. Знайдіть її.',
    'reversal.test': 'Нові фігури. Зберіть якомога більше монет. Увага: краща фігура може змінитися.',
    'game.reversal': 'Полювання на монети',
    'metric.reversal.reversals': 'Знайдені зміни',
    'metric.reversal.trials_to_first_criterion': 'Спроби до засвоєння першого правила',
    'metric.reversal.perseverative_errors': 'Триматися старого вибору після зміни',
    'metric.reversal.win_stay': 'Залишатися після монети',
    'metric.reversal.lose_shift': 'Змінювати вибір без монети',
    'metric.reversal.best_choice_rate': 'Вибір кращої фігури',
  },
  ar: {
    'reversal.practice': 'اختر أحد الشكلين: المسه، أو اضغط ← أو →. أحد الشكلين يعطي عملة أكثر. اعثر عليه.',
    'reversal.test': 'أشكال جديدة. اجمع أكبر عدد ممكن من العملات. انتبه: الشكل الأفضل قد يتغيّر.',
    'game.reversal': 'البحث عن العملات',
    'metric.reversal.reversals': 'التبديلات المكتشفة',
    'metric.reversal.trials_to_first_criterion': 'المحاولات حتى تعلّم القاعدة الأولى',
    'metric.reversal.perseverative_errors': 'التمسّك بالاختيار القديم بعد التبديل',
    'metric.reversal.win_stay': 'البقاء بعد عملة',
    'metric.reversal.lose_shift': 'التبديل بعد عدم الحصول على عملة',
    'metric.reversal.best_choice_rate': 'اختيار الشكل الأفضل',
  },
};
