"""The README's Python example: dq's kernels on a pyarrow table, then the profile of the
bundled sample file. Run it from the repository's root once the wheel is installed:

    python examples/python/quickstart.py
"""

import pathlib

import pyarrow as pa

import dq

etab = pa.table({
    "siret": ["552 100 554 00013", "55210055400014", None],
    "code_commune": ["75101", "2a004", "1001"],
    "code_postal": ["1000", "75001", "13299 MARSEILLE CEDEX 20"],
})

# Validators and normalizers: one call per column, the strings read in place.
print(dq.is_valid("siret", etab["siret"]).to_pylist())            # [True, False, None]
print(dq.output("siret", etab["siret"]).to_pylist())              # ['55210055400013', None, None]
# Pivots: the current commune and its département, the communes of a postal code.
print(dq.insee_current_code(etab["code_commune"]).to_pylist())    # ['75056', '2A004', '01001']
print(dq.insee_departement(etab["code_commune"]).to_pylist())     # ['75', '2A', '01']
print(dq.postal_communes(etab["code_postal"]).to_pylist()[0])     # ['01053', '01344']
# The whole answer of `dq normalize siret --json`, as a struct array.
print(dq.normalize("siret", etab["siret"]).to_pylist()[0]["siren"])  # 552100554

# The Rust pipeline on a file: a windows-1252, `;`-separated export with a title line.
sample = pathlib.Path(__file__).resolve().parents[1] / "data" / "etablissements.csv"
profile = dq.profile(sample)
print(profile["encoding"], repr(profile["delimiter"]), len(profile["columns"]), "columns")
for column in profile["columns"][:4]:
    print(f'  {column["name"]:<16} {column["format"]}')
