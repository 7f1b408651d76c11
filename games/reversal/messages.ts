import type { GameMessages } from '../../src/runtime/game-contract.ts';

/**
 * Coin hunt's words: block instructions (short: the demo above them shows the rule first), its name and metric
 * names, in every shell language. The names of 1.0.0's metrics stay, as its logs still score.
 */
export const reversalMessages: GameMessages = {
  en: {
    'reversal.test': 'Tap a shape or press ← ↑ →. Collect coins. The best shape changes sometimes.',
    'game.reversal': 'Coin hunt',
    'metric.reversal.win_stay': 'Staying after a coin',
    'metric.reversal.lose_shift': 'Switching after no coin',
    'metric.reversal.best_choice_rate': 'Choosing the best shape',
    'metric.reversal.perseverative_errors': 'Sticking with the old choice after a change',
    'metric.reversal.reversals': 'Switches found',
    'metric.reversal.trials_to_first_criterion': 'Rounds to learn the first rule',
  },
  nl: {
    'reversal.test': 'Tik een vorm of druk ← ↑ →. Verzamel munten. De beste vorm wisselt soms.',
    'game.reversal': 'Muntenjacht',
    'metric.reversal.win_stay': 'Blijven na een munt',
    'metric.reversal.lose_shift': 'Wisselen na geen munt',
    'metric.reversal.best_choice_rate': 'De beste vorm kiezen',
    'metric.reversal.perseverative_errors': 'Vasthouden aan de oude keuze na een wissel',
    'metric.reversal.reversals': 'Gevonden wissels',
    'metric.reversal.trials_to_first_criterion': 'Beurten tot de eerste regel geleerd is',
  },
  uk: {
    'reversal.test': 'Торкніться фігури або натисніть ← ↑ →. Збирайте монети. Найкраща фігура часом змінюється.',
    'game.reversal': 'Полювання на монети',
    'metric.reversal.win_stay': 'Залишатися після монети',
    'metric.reversal.lose_shift': 'Змінювати вибір без монети',
    'metric.reversal.best_choice_rate': 'Вибір найкращої фігури',
    'metric.reversal.perseverative_errors': 'Триматися старого вибору після зміни',
    'metric.reversal.reversals': 'Знайдені зміни',
    'metric.reversal.trials_to_first_criterion': 'Спроби до засвоєння першого правила',
  },
  ar: {
    'reversal.test': 'المس شكلًا، أو اضغط ← ↑ →. اجمع العملات. الشكل الأفضل يتغيّر أحيانًا.',
    'game.reversal': 'البحث عن العملات',
    'metric.reversal.win_stay': 'البقاء بعد عملة',
    'metric.reversal.lose_shift': 'التبديل بعد عدم الحصول على عملة',
    'metric.reversal.best_choice_rate': 'اختيار الشكل الأفضل',
    'metric.reversal.perseverative_errors': 'التمسّك بالاختيار القديم بعد التغيير',
    'metric.reversal.reversals': 'التبديلات المكتشفة',
    'metric.reversal.trials_to_first_criterion': 'المحاولات حتى تعلّم القاعدة الأولى',
  },
};
