import { useEffect, useState } from 'react';

/** Where the console is: a screen and its parameters, kept in the URL's hash. */
export interface Route {
  screen: string;
  /** The path after the screen, e.g. the customer id in `#/customers/42`. */
  rest: string[];
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [screen = 'dashboard', ...rest] = path.split('/').filter(Boolean);
  return { screen, rest, params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Goes to a screen: `navigate('customers', '42')`, `navigate('customers', '', {rfm: '5-3'})`. */
export function navigate(screen: string, rest = '', params?: Record<string, string>): void {
  const query = params ? `?${new URLSearchParams(params).toString()}` : '';
  window.location.hash = `#/${screen}${rest ? `/${rest}` : ''}${query}`;
}
