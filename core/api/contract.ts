import type { z } from 'zod';
import { customersContract } from './customers';
import { dashboardContract } from './dashboard';
import { importsContract } from './imports';
import type { MethodSpec } from './method';
import { planningContract } from './planning';
import { systemContract } from './system';
import { tagsContract } from './tags';

/**
 * The one contract between the console's hosts (Electron IPC, the loopback web host,
 * the CLI) and the core: method name → input schema → result type. Each domain
 * declares its methods in its own file here; this object joins them.
 */
export const contract = {
  ...systemContract,
  ...importsContract,
  ...customersContract,
  ...tagsContract,
  ...dashboardContract,
  ...planningContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> =
  Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

/** What every host offers the renderer: call a method, get its result or an ApiError. */
export interface ApiClient {
  call<M extends MethodName>(name: M, input: InputOf<M>): Promise<OutputOf<M>>;
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
