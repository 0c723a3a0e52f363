/** How a letter to a citizen greets them: in agreement with the person (registrations record their sex). */
export function greeting(fullName: string, sex: 'female' | 'male'): string {
  return `${sex === 'female' ? 'Estimada' : 'Estimado'} ${fullName}:`;
}
