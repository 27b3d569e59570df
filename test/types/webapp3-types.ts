/**
 * Compile-time check (run by `npm run typecheck`) that the types the package's public elements
 * write out for Web App 3 plugins say what `@pexip/plugin-api` (a dev dependency, not one of the
 * package's) says: a drift fails the type check here.
 */
import type { NotificationToastMessage } from '@pexip/plugin-api';
import type { ToastMessage } from '../../components/toasts/toasts.js';

type Expect<T extends true> = T;
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;

export type Checks = [Expect<MutuallyAssignable<ToastMessage, NotificationToastMessage>>, Expect<SameKeys<ToastMessage, Required<NotificationToastMessage>>>];
