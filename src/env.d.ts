/** True in builds where the automation hook may be switched on (see src/runtime/automation.ts). */
declare const __AUTOMATION_BUILD__: boolean;
